#pragma once

#include "core/profile.h"

#include <QElapsedTimer>
#include <QMainWindow>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
class QProgressBar;
class QStackedWidget;
class QTableView;
class QTimer;
QT_END_NAMESPACE

namespace sb {

class ErrorBanner;
class SegmentTableModel;
struct Error;

// A profile and its secret for this session. The secret stays in memory only.
struct SessionProfile
{
    Profile profile;
    QString secret;
};

class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    void setProfiles(const QList<SessionProfile> &profiles);
    void setDemoNote(const QString &note);
    void selectProfile(int index);

    SegmentTableModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    ErrorBanner *banner() const { return m_banner; }
    QString statusText() const;

private:
    void createActions();
    void onStateChanged();
    void onRetrying(const Error &reason, int delayMs);
    void onHeaderClicked(int section);
    void updateRetryNotice();

    QList<SessionProfile> m_profiles;
    SegmentTableModel *m_model;
    QComboBox *m_profileCombo;
    QTableView *m_table;
    QStackedWidget *m_stack;
    QLabel *m_placeholder;
    QLabel *m_demoNote;
    ErrorBanner *m_banner;
    QLabel *m_statusLabel;
    QProgressBar *m_busy;
    QTimer *m_retryTimer;
    QElapsedTimer m_retryClock;
    QString m_retryReason;
    int m_retryDelayMs = 0;
};

} // namespace sb
