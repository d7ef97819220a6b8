#include "ui/appearance.h"

#include <QApplication>
#include <QLabel>
#include <QPainter>
#include <QStyle>
#include <QStyleOption>
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
    // In dark mode an unchecked check box and radio button still show their outline: some pixel of
    // the indicator stands out from both the window and the box's inside.
    void uncheckedIndicatorsAreVisibleInDarkMode()
    {
        applyAppearance(Appearance::Dark);
        const QPalette palette = QApplication::palette();
        for (const bool radio : {false, true}) {
            QStyleOptionButton option;
            option.rect = QRect(0, 0, 16, 16);
            option.state = QStyle::State_Enabled | QStyle::State_Off;
            option.palette = palette;
            QImage image(16, 16, QImage::Format_ARGB32);
            image.fill(palette.color(QPalette::Window));
            QPainter painter(&image);
            QApplication::style()->drawPrimitive(radio ? QStyle::PE_IndicatorRadioButton : QStyle::PE_IndicatorCheckBox,
                                                 &option, &painter);
            painter.end();
            int brightest = 0;
            for (int y = 0; y < image.height(); ++y) {
                for (int x = 0; x < image.width(); ++x)
                    brightest = qMax(brightest, image.pixelColor(x, y).lightness());
            }
            const int window = palette.color(QPalette::Window).lightness();
            QVERIFY2(brightest >= window + 40,
                     qPrintable(QStringLiteral("%1: %2 against %3")
                                    .arg(radio ? QStringLiteral("radio") : QStringLiteral("box"))
                                    .arg(brightest)
                                    .arg(window)));
        }
    }

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
