#include "appearance.h"

#include <QApplication>
#include <QEvent>
#include <QPalette>
#include <QPointer>
#include <QProxyStyle>
#include <QStyle>
#include <QStyleFactory>
#include <QStyleOption>
#include <QWidget>

#include <optional>

namespace sb {

namespace {

struct SystemLook
{
    QString style;
    QPalette palette;
};

std::optional<SystemLook> g_system;
Appearance g_current = Appearance::System;

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x2b, 0x2d, 0x30);
    const QColor base(0x1e, 0x1f, 0x22);
    const QColor text(0xe6, 0xe6, 0xe6);
    const QColor disabled(0x7f, 0x82, 0x87);
    const QColor highlight(0x35, 0x74, 0xf0);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, QColor(0x26, 0x28, 0x2b));
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, disabled);
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Light, QColor(0x3c, 0x3f, 0x43));
    p.setColor(QPalette::Midlight, QColor(0x34, 0x37, 0x3a));
    p.setColor(QPalette::Mid, QColor(0x24, 0x26, 0x29));
    p.setColor(QPalette::Dark, QColor(0x18, 0x19, 0x1b));
    p.setColor(QPalette::Shadow, Qt::black);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, QColor(0x6e, 0xa8, 0xfe));
    p.setColor(QPalette::LinkVisited, QColor(0xb3, 0x8c, 0xf5));
    for (const auto role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, disabled);
    p.setColor(QPalette::Disabled, QPalette::Highlight, QColor(0x4a, 0x4d, 0x52));
    return p;
}

// Fusion outlines check boxes and radio buttons in the window colour made darker, which on a
// dark window is the colour of the box itself: unchecked ones vanish. Here their outline is
// drawn from a lighter window colour; everything else is Fusion's.
class DarkIndicatorStyle final : public QProxyStyle
{
public:
    DarkIndicatorStyle() : QProxyStyle(QStyleFactory::create(QStringLiteral("Fusion"))) { }

    void drawPrimitive(PrimitiveElement element, const QStyleOption *option, QPainter *painter,
                       const QWidget *widget) const override
    {
        if (element != PE_IndicatorCheckBox && element != PE_IndicatorRadioButton) {
            QProxyStyle::drawPrimitive(element, option, painter, widget);
            return;
        }
        // The same option, of its own type (Fusion reads a button's or an item's fields), lighter.
        const auto lighter = [&](auto typed) {
            typed.palette.setColor(QPalette::Window, QColor(0x9a, 0x9e, 0xa6));
            QProxyStyle::drawPrimitive(element, &typed, painter, widget);
        };
        if (const auto *button = qstyleoption_cast<const QStyleOptionButton *>(option))
            lighter(*button);
        else if (const auto *item = qstyleoption_cast<const QStyleOptionViewItem *>(option))
            lighter(*item);
        else
            lighter(*option);
    }
};

const char *const kToneProperty = "sbTone";

QString toneStyle(const QWidget *widget, Tone tone)
{
    const QPalette palette = QApplication::palette(widget);
    const bool dark = isDarkPalette(palette);
    switch (tone) {
    case Tone::Error:
        return QStringLiteral("color: %1;").arg(errorColor(palette).name());
    case Tone::Warning:
        return dark ? QStringLiteral("background: #4a3d12; color: #ffe9a8;")
                    : QStringLiteral("background: #fff4ce; color: #3d3000;");
    case Tone::Normal:
        break;
    }
    return {};
}

// Draws the toned widgets again when the application's palette changes (View > Appearance).
// Qt tells the application and its windows, not widgets with a style sheet of their own: one
// filter on the application goes through them.
class ToneFollower final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override
    {
        if (watched == qApp && event->type() == QEvent::ApplicationPaletteChange) {
            for (QWidget *widget : QApplication::allWidgets()) {
                const QVariant tone = widget->property(kToneProperty);
                if (tone.isValid())
                    widget->setStyleSheet(toneStyle(widget, Tone(tone.toInt())));
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

bool isDarkPalette(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < 128;
}

QColor errorColor(const QPalette &palette)
{
    return isDarkPalette(palette) ? QColor(0xff, 0x7b, 0x72) : QColor(0xa4, 0x26, 0x2c);
}

QColor successColor(const QPalette &palette)
{
    return isDarkPalette(palette) ? QColor(0x3f, 0xb9, 0x50) : QColor(0x1a, 0x7f, 0x37);
}

void setTone(QWidget *widget, Tone tone)
{
    static QPointer<ToneFollower> follower;
    if (!follower) {
        follower = new ToneFollower(qApp);
        qApp->installEventFilter(follower);
    }
    widget->setProperty(kToneProperty, int(tone));
    widget->setStyleSheet(toneStyle(widget, tone));
}

void applyAppearance(Appearance appearance)
{
    if (!g_system)
        g_system = SystemLook {QApplication::style()->name(), QApplication::palette()};
    g_current = appearance;
    switch (appearance) {
    case Appearance::System:
        QApplication::setStyle(QStyleFactory::create(g_system->style));
        QApplication::setPalette(g_system->palette);
        break;
    case Appearance::Light:
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
        QApplication::setPalette(QApplication::style()->standardPalette());
        break;
    case Appearance::Dark:
        QApplication::setStyle(new DarkIndicatorStyle);
        QApplication::setPalette(darkPalette());
        break;
    }
}

Appearance currentAppearance()
{
    return g_current;
}

QString appearanceName(Appearance appearance)
{
    switch (appearance) {
    case Appearance::Light:
        return QStringLiteral("light");
    case Appearance::Dark:
        return QStringLiteral("dark");
    case Appearance::System:
        break;
    }
    return QStringLiteral("system");
}

Appearance appearanceFromName(const QString &name)
{
    if (name == QLatin1String("light"))
        return Appearance::Light;
    if (name == QLatin1String("dark"))
        return Appearance::Dark;
    return Appearance::System;
}

} // namespace sb
