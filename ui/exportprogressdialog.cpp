#include "exportprogressdialog.h"

#include "appearance.h"

#include "export/exportjob.h"

#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileInfo>
#include <QLabel>
#include <QLocale>
#include <QMainWindow>
#include <QProgressBar>
#include <QPushButton>
#include <QStatusBar>
#include <QTimer>
#include <QUrl>
#include <QVBoxLayout>

namespace sb {

namespace {

// "1 segment", "12,300 segments" (no translation is loaded, so no %n plural forms).
QString segmentCount(qint64 n)
{
    return n == 1 ? QCoreApplication::translate("sb::ExportProgressDialog", "1 segment")
                  : QCoreApplication::translate("sb::ExportProgressDialog", "%1 segments").arg(QLocale().toString(n));
}

// "3.2 s", "4 min 05 s": the summary's elapsed time.
QString formatElapsed(qint64 ms)
{
    if (ms < 60'000)
        return QCoreApplication::translate("sb::ExportProgressDialog", "%1 s")
            .arg(QLocale().toString(double(ms) / 1000.0, 'f', 1));
    const qint64 seconds = ms / 1000;
    return QCoreApplication::translate("sb::ExportProgressDialog", "%1 min %2 s")
        .arg(seconds / 60)
        .arg(seconds % 60, 2, 10, QLatin1Char('0'));
}

} // namespace

ExportProgressDialog::ExportProgressDialog(ExportJob *job, const QString &vendorName, QWidget *parent)
    : QDialog(parent), m_job(job), m_vendorName(vendorName), m_path(job->path()), m_retryTimer(new QTimer(this))
{
    job->setParent(this);
    setObjectName(QStringLiteral("exportProgressDialog"));
    setWindowTitle(tr("Exporting Segments"));
    setMinimumWidth(420);
    auto *layout = new QVBoxLayout(this);
    m_file = new QLabel(tr("To %1").arg(QDir::toNativeSeparators(m_path)), this);
    m_file->setObjectName(QStringLiteral("exportFile"));
    m_file->setWordWrap(true);
    m_file->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_status = new QLabel(tr("Starting…"), this);
    m_status->setObjectName(QStringLiteral("exportStatus"));
    m_status->setWordWrap(true);
    m_status->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_bar = new QProgressBar(this);
    m_bar->setObjectName(QStringLiteral("exportBar"));
    m_bar->setAccessibleName(tr("Export progress"));
    m_bar->setRange(0, 0); // busy until the total is known
    m_bar->setTextVisible(false);
    m_retry = new QLabel(this);
    m_retry->setObjectName(QStringLiteral("exportRetry"));
    m_retry->setWordWrap(true);
    m_retry->hide();
    m_error = new QLabel(this);
    m_error->setObjectName(QStringLiteral("exportError"));
    m_error->setWordWrap(true);
    m_error->setTextInteractionFlags(Qt::TextSelectableByMouse);
    setTone(m_error, Tone::Error);
    m_error->hide();
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addWidget(m_bar);
    layout->addWidget(m_retry);
    layout->addWidget(m_file);
    layout->addStretch();
    m_buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_cancel = m_buttons->button(QDialogButtonBox::Cancel);
    m_cancel->setObjectName(QStringLiteral("cancelButton"));
    m_cancel->setAccessibleName(tr("Cancel the export"));
    layout->addWidget(m_buttons);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &ExportProgressDialog::reject);

    m_retryTimer->setInterval(1000);
    connect(m_retryTimer, &QTimer::timeout, this, &ExportProgressDialog::updateRetryNotice);
    connect(job, &ExportJob::progress, this, &ExportProgressDialog::onProgress);
    connect(job, &ExportJob::retrying, this, &ExportProgressDialog::onRetrying);
    // A server gone quiet, counted down: the export never hangs for good.
    connect(job, &ExportJob::stalled, this, [this](qint64 quietMs, qint64 giveUpInMs) {
        m_retryTimer->stop();
        m_retry->setText(tr("%1 has not answered for %2 s; giving up in %3 s")
                             .arg(m_vendorName.isEmpty() ? tr("The server") : m_vendorName)
                             .arg(quietMs / 1000)
                             .arg((giveUpInMs + 999) / 1000));
        m_retry->show();
    });
    connect(job, &ExportJob::warning, this, [this](const QString &text) { m_warnings.append(text); });
    connect(job, &ExportJob::finished, this, &ExportProgressDialog::onFinished);
    connect(job, &ExportJob::failed, this, &ExportProgressDialog::onFailed);
}

ExportProgressDialog::~ExportProgressDialog()
{
    // Cancel here, while this dialog is whole: the job's failed() must not reach a half-destroyed one.
    if (m_job) {
        m_job->disconnect(this);
        delete m_job;
    }
}

void ExportProgressDialog::reject()
{
    // Closing while running is Cancel: the job drops its temporary file, an existing file stays.
    if (m_job && m_job->isRunning()) {
        m_job->disconnect(this);
        m_job->cancel();
        // Said where the user looks next, once this dialog is gone.
        if (auto *window = qobject_cast<QMainWindow *>(parentWidget() ? parentWidget()->window() : nullptr))
            window->statusBar()->showMessage(tr("Export cancelled — nothing was written"), 8000);
    }
    QDialog::reject();
}

void ExportProgressDialog::onProgress(qint64 rows, qint64 total)
{
    const QLocale locale;
    if (total >= 0) {
        m_status->setText(tr("%1 of %2").arg(locale.toString(rows), segmentCount(total)));
        // Per mille, so that totals beyond an int's range still fit the bar.
        m_bar->setRange(0, 1000);
        m_bar->setValue(total > 0 ? int(qMin<qint64>(rows, total) * 1000 / total) : 1000);
    } else {
        m_status->setText(segmentCount(rows));
    }
    if (m_retry->isVisible() && !m_retryTimer->isActive())
        m_retry->hide();
}

void ExportProgressDialog::onRetrying(const Error &reason, int delayMs)
{
    m_retryReason = reason;
    m_retryDelayMs = delayMs;
    m_retryClock.start();
    m_retry->show();
    updateRetryNotice();
    m_retryTimer->start();
}

void ExportProgressDialog::updateRetryNotice()
{
    const qint64 left = qMax<qint64>(0, m_retryDelayMs - m_retryClock.elapsed());
    m_retry->setText(retryNotice(m_retryReason, m_vendorName, left));
    if (left == 0)
        m_retryTimer->stop();
}

void ExportProgressDialog::showEnd(const QString &title)
{
    setWindowTitle(title);
    m_retryTimer->stop();
    m_retry->hide();
    m_bar->hide();
    // Nothing left to cancel; a hidden button would come back when the box lays out its buttons.
    m_buttons->removeButton(m_cancel);
    m_cancel->deleteLater();
    QPushButton *close = m_buttons->addButton(QDialogButtonBox::Close);
    close->setObjectName(QStringLiteral("closeButton"));
    close->setDefault(true);
    close->setFocus();
}

void ExportProgressDialog::onFinished(qint64 rows)
{
    const qint64 elapsed = m_job ? m_job->elapsedMs() : 0;
    m_status->setText(tr("Exported %1 in %2.").arg(segmentCount(rows), formatElapsed(elapsed)));
    if (!m_warnings.isEmpty()) {
        m_error->setText(m_warnings.join(QLatin1Char('\n')));
        setTone(m_error, Tone::Warning);
        m_error->show();
    }
    m_file->setText(tr("File: %1").arg(QDir::toNativeSeparators(m_path)));
    showEnd(tr("Export Finished"));
    QPushButton *open = m_buttons->addButton(tr("Open Folder"), QDialogButtonBox::ActionRole);
    open->setObjectName(QStringLiteral("openFolderButton"));
    open->setAccessibleName(tr("Open the folder that holds the file"));
    connect(open, &QPushButton::clicked, this,
            [this] { QDesktopServices::openUrl(QUrl::fromLocalFile(QFileInfo(m_path).absolutePath())); });
}

void ExportProgressDialog::onFailed(const Error &error)
{
    if (error.kind == Error::Kind::Cancelled) {
        QDialog::reject();
        return;
    }
    // The vendor's own words, as PageFetcher or the file system gave them.
    m_status->hide();
    m_error->setText(tr("The export failed: %1").arg(error.toString()));
    m_error->show();
    m_file->setText(
        tr("Nothing was written to %1; a file that was there is unchanged.").arg(QDir::toNativeSeparators(m_path)));
    showEnd(tr("Export Failed"));
}

} // namespace sb
