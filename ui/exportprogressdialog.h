#pragma once

#include "core/error.h"

#include <QDialog>
#include <QElapsedTimer>
#include <QPointer>

QT_BEGIN_NAMESPACE
class QDialogButtonBox;
class QLabel;
class QProgressBar;
class QPushButton;
class QTimer;
QT_END_NAMESPACE

namespace sb {

class ExportJob;

// The export's progress, with Cancel, the countdown of a wait before the next try, and at the
// end a summary (with Open Folder) or the vendor's error. Owns `job`; closing it while the job
// runs cancels the job, which leaves nothing partial behind.
class ExportProgressDialog final : public QDialog
{
    Q_OBJECT

public:
    ExportProgressDialog(ExportJob *job, const QString &vendorName, QWidget *parent);
    ~ExportProgressDialog() override;

    void reject() override;

private:
    void onProgress(qint64 rows, qint64 total);
    void onRetrying(const Error &reason, int delayMs);
    void updateRetryNotice();
    void onFinished(qint64 rows);
    void onFailed(const Error &error);
    void showEnd(const QString &title);

    QPointer<ExportJob> m_job;
    QString m_vendorName;
    QString m_path;
    QLabel *m_status;
    QProgressBar *m_bar;
    QLabel *m_retry;
    QLabel *m_error;
    QStringList m_warnings; // from the job, shown when it ends
    QLabel *m_file;
    QDialogButtonBox *m_buttons;
    QPushButton *m_cancel;
    QTimer *m_retryTimer;
    QElapsedTimer m_retryClock;
    Error m_retryReason;
    int m_retryDelayMs = 0;
};

} // namespace sb
