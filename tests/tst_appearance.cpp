#include "ui/appearance.h"

#include <QApplication>
#include <QLabel>
#include <QTest>
#include <QVBoxLayout>

using namespace sb;

namespace {

// The colour drawn inside `label`'s margin: its panel's background.
QColor panelColour(QLabel *label)
{
    const QImage image = label->grab().toImage();
    return image.pixelColor(3, image.height() / 2);
}

QColor textColour(QLabel *label)
{
    label->ensurePolished();
    return label->palette().color(label->foregroundRole());
}

} // namespace

class TestAppearance final : public QObject
{
    Q_OBJECT

private slots:
    void init() { applyAppearance(Appearance::Light); }
    void cleanupTestCase() { applyAppearance(Appearance::System); }

    void errorColourSuitsThePalette()
    {
        applyAppearance(Appearance::Light);
        const QColor light = errorColor(QApplication::palette());
        QVERIFY(!isDarkPalette(QApplication::palette()));
        applyAppearance(Appearance::Dark);
        const QColor dark = errorColor(QApplication::palette());
        QVERIFY(isDarkPalette(QApplication::palette()));
        QVERIFY(light != dark);
        // Each stands out from the text of its own palette's window.
        QVERIFY(dark.lightness() > light.lightness());
    }

    // A label toned once follows the switch between light and dark without being toned again.
    void tonedLabelFollowsTheAppearance()
    {
        QWidget window;
        auto *layout = new QVBoxLayout(&window);
        auto *error = new QLabel(QStringLiteral("Something is wrong"), &window);
        auto *warning = new QLabel(QStringLiteral("The token expires tomorrow"), &window);
        auto *plain = new QLabel(QStringLiteral("Nothing to see"), &window);
        warning->setMargin(6);
        for (QLabel *label : {error, warning, plain})
            layout->addWidget(label);
        setTone(error, Tone::Error);
        setTone(warning, Tone::Warning);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));

        const QColor lightError = textColour(error);
        const QColor lightPanel = panelColour(warning);
        QCOMPARE(lightError, errorColor(QApplication::palette()));
        QVERIFY2(lightPanel.lightness() > 160, qPrintable(lightPanel.name()));

        applyAppearance(Appearance::Dark);
        QCoreApplication::processEvents();
        const QColor darkError = textColour(error);
        const QColor darkPanel = panelColour(warning);
        QVERIFY(darkError != lightError);
        QCOMPARE(darkError, errorColor(QApplication::palette()));
        QVERIFY2(darkPanel.lightness() < 100, qPrintable(darkPanel.name()));
        QCOMPARE(textColour(plain), QApplication::palette().color(QPalette::WindowText));

        applyAppearance(Appearance::Light);
        QCoreApplication::processEvents();
        QCOMPARE(textColour(error), lightError);
        QCOMPARE(panelColour(warning), lightPanel);

        // Back to no tone: the palette's own colours.
        setTone(error, Tone::Normal);
        QCOMPARE(textColour(error), QApplication::palette().color(QPalette::WindowText));
    }
};

QTEST_MAIN(TestAppearance)
#include "tst_appearance.moc"
