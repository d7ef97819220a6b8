#include "icons.h"

#include <QFile>
#include <QPainter>
#include <QPixmap>
#include <QSvgRenderer>
#include <QWidget>

namespace sb {

QIcon lineIcon(const QString &name, const QWidget *widget)
{
    QFile file(QStringLiteral(":/icons/") + name + QStringLiteral(".svg"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray svg = file.readAll();
    QIcon icon;
    const auto add = [&](QIcon::Mode mode, const QColor &color) {
        QByteArray tinted = svg;
        tinted.replace("currentColor", color.name().toLatin1());
        QSvgRenderer renderer(tinted);
        for (const int size : {16, 24}) {
            for (const qreal scale : {1.0, 2.0, 3.0}) {
                QPixmap pixmap(QSize(size, size) * scale);
                pixmap.fill(Qt::transparent);
                QPainter painter(&pixmap);
                renderer.render(&painter);
                painter.end();
                pixmap.setDevicePixelRatio(scale);
                icon.addPixmap(pixmap, mode);
            }
        }
    };
    const QPalette palette = widget ? widget->palette() : QPalette();
    add(QIcon::Normal, palette.color(QPalette::Active, QPalette::WindowText));
    add(QIcon::Disabled, palette.color(QPalette::Disabled, QPalette::WindowText));
    return icon;
}

} // namespace sb
