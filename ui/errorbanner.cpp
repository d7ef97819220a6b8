#include "errorbanner.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QStyle>

namespace sb {

ErrorBanner::ErrorBanner(QWidget *parent)
    : QFrame(parent),
      m_icon(new QLabel(this)),
      m_text(new QLabel(this)),
      m_retry(new QPushButton(tr("&Retry"), this)),
      m_edit(new QPushButton(tr("E&dit Profile…"), this))
{
    setObjectName(QStringLiteral("errorBanner"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(8, 4, 8, 4);
    layout->addWidget(m_icon);
    layout->addWidget(m_text, 1);
    layout->addWidget(m_edit);
    layout->addWidget(m_retry);
    m_text->setWordWrap(true);
    m_text->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_text->setTextFormat(Qt::PlainText);
    m_retry->setAccessibleName(tr("Retry loading"));
    connect(m_retry, &QPushButton::clicked, this, &ErrorBanner::retryRequested);
    m_edit->setObjectName(QStringLiteral("editProfileButton"));
    m_edit->setAccessibleName(tr("Edit the profile"));
    connect(m_edit, &QPushButton::clicked, this, &ErrorBanner::editProfileRequested);
    hide();
}

void ErrorBanner::showError(const Error &error)
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxWarning).pixmap(size, size));
    QString hint;
    switch (error.kind) {
    case Error::Kind::Auth:
        hint = tr("Check the profile's key or token.");
        break;
    case Error::Kind::RateLimit:
        hint = tr("The service is limiting requests; retry in a moment.");
        break;
    case Error::Kind::Network:
        hint = tr("Check the connection and the API address.");
        break;
    case Error::Kind::Usage:
        hint = tr("Check the profile's settings.");
        break;
    default:
        break;
    }
    const QString message = error.toString();
    m_text->setText(hint.isEmpty() ? message : message + QLatin1Char('\n') + hint);
    m_retry->setVisible(error.kind != Error::Kind::Usage);
    m_edit->setVisible(error.kind == Error::Kind::Auth || error.kind == Error::Kind::Usage);
    show();
}

void ErrorBanner::showNotice(const QString &text)
{
    const int size = style()->pixelMetric(QStyle::PM_SmallIconSize);
    m_icon->setPixmap(style()->standardIcon(QStyle::SP_MessageBoxInformation).pixmap(size, size));
    m_text->setText(text);
    m_retry->hide();
    m_edit->hide();
    show();
}

void ErrorBanner::showReadOnly(const QString &text)
{
    showNotice(text);
    m_edit->show();
}

void ErrorBanner::clear()
{
    m_text->clear();
    hide();
}

QString ErrorBanner::text() const
{
    return m_text->text();
}

} // namespace sb
