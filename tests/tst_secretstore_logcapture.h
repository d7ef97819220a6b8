#pragma once

#include <QLoggingCategory>
#include <QStringList>

// Keeps every message logged, with sb.secrets debug output switched on, so a test can check
// that no secret ever reaches a log. Messages still go on to the usual handler. Create it in
// initTestCase(): QTest installs its own handler when it starts running the test functions.
class SecretLogCapture final
{
public:
    SecretLogCapture()
    {
        QLoggingCategory::setFilterRules(QStringLiteral("sb.secrets*=true"));
        lines().clear();
        s_previous = qInstallMessageHandler(&SecretLogCapture::capture);
    }
    ~SecretLogCapture() { qInstallMessageHandler(s_previous); }
    SecretLogCapture(const SecretLogCapture &) = delete;
    SecretLogCapture &operator=(const SecretLogCapture &) = delete;

    static QStringList &lines()
    {
        static QStringList captured;
        return captured;
    }

private:
    static void capture(QtMsgType type, const QMessageLogContext &context, const QString &message)
    {
        lines().append(message);
        s_previous(type, context, message);
    }

    static inline QtMessageHandler s_previous = nullptr;
};
