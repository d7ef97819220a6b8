#pragma once

#include "core/error.h"

#include <QFrame>

QT_BEGIN_NAMESPACE
class QLabel;
class QPushButton;
QT_END_NAMESPACE

namespace sb {

// A strip above the table that says what went wrong, in the vendor's words, and what to do.
class ErrorBanner final : public QFrame
{
    Q_OBJECT

public:
    explicit ErrorBanner(QWidget *parent = nullptr);

    void showError(const Error &error);
    void showNotice(const QString &text); // a transient state (rate limited, retrying), no button
    // What is shown cannot be refreshed until the profile has its key: with Edit Profile.
    void showReadOnly(const QString &text);
    void clear();
    QString text() const;

signals:
    void retryRequested();
    // Shown for errors the profile can fix (a refused key, a bad address).
    void editProfileRequested();

private:
    QLabel *m_icon;
    QLabel *m_text;
    QPushButton *m_retry;
    QPushButton *m_edit;
};

} // namespace sb
