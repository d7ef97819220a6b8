#include "mainwindow.h"

#include "errorbanner.h"
#include "model/segmenttablemodel.h"
#include "vendors/registry.h"
#include "version.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

namespace sb {

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent),
      m_model(new SegmentTableModel(this)),
      m_profileCombo(new QComboBox(this)),
      m_table(new QTableView(this)),
      m_stack(new QStackedWidget(this)),
      m_placeholder(new QLabel(this)),
      m_demoNote(new QLabel(this)),
      m_banner(new ErrorBanner(this)),
      m_statusLabel(new QLabel(this)),
      m_busy(new QProgressBar(this)),
      m_retryTimer(new QTimer(this))
{
    setWindowTitle(tr("Segment Browser"));
    setObjectName(QStringLiteral("mainWindow"));

    m_table->setModel(m_model);
    m_table->setObjectName(QStringLiteral("segmentTable"));
    m_table->setAccessibleName(tr("Segments"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->horizontalHeader()->setDefaultSectionSize(160);
    // Sorting is the server's: the header asks the model, and shows an indicator only where it sorts.
    m_table->horizontalHeader()->setSortIndicatorShown(false);
    m_table->horizontalHeader()->setSectionsClickable(true);
    connect(m_table->horizontalHeader(), &QHeaderView::sectionClicked, this, &MainWindow::onHeaderClicked);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setObjectName(QStringLiteral("placeholder"));
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_placeholder);

    m_demoNote->setObjectName(QStringLiteral("demoNote"));
    m_demoNote->setWordWrap(true);
    m_demoNote->setContentsMargins(8, 4, 8, 4);
    m_demoNote->hide();

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_demoNote);
    layout->addWidget(m_banner);
    layout->addWidget(m_stack, 1);
    setCentralWidget(central);

    m_profileCombo->setAccessibleName(tr("Profile"));
    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    m_profileCombo->setMinimumContentsLength(24);
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, &MainWindow::selectProfile);

    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Loading"));
    m_busy->hide();
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_busy);

    m_retryTimer->setInterval(1000);
    connect(m_retryTimer, &QTimer::timeout, this, &MainWindow::updateRetryNotice);

    connect(m_model, &SegmentTableModel::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_model, &SegmentTableModel::rowsInserted, this, &MainWindow::onStateChanged);
    connect(m_model, &SegmentTableModel::retrying, this, &MainWindow::onRetrying);
    connect(m_banner, &ErrorBanner::retryRequested, m_model, &SegmentTableModel::retry);

    createActions();
    resize(1100, 700);
    onStateChanged();
}

MainWindow::~MainWindow() = default;

void MainWindow::createActions()
{
    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *quit = file->addAction(tr("&Quit"), qApp, &QApplication::closeAllWindows);
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *reload = view->addAction(tr("&Reload"), m_model, &SegmentTableModel::reload);
    reload->setShortcut(QKeySequence::Refresh);
    reload->setObjectName(QStringLiteral("actionReload"));
    reload->setIcon(style()->standardIcon(QStyle::SP_BrowserReload));

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    help->addAction(tr("&About Segment Browser"), this, [this] {
        QMessageBox::about(this, tr("About Segment Browser"),
                           tr("Segment Browser %1\nBrowse and export the segments of Batch, LaunchDarkly, "
                              "Amperity and SailPoint accounts.")
                               .arg(QString::fromLatin1(kVersion)));
    });

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    auto *label = new QLabel(tr("Profile:"), bar);
    label->setBuddy(m_profileCombo);
    label->setContentsMargins(4, 0, 4, 0);
    bar->addWidget(label);
    bar->addWidget(m_profileCombo);
    bar->addAction(reload);
}

void MainWindow::setProfiles(const QList<SessionProfile> &profiles)
{
    m_profiles = profiles;
    QSignalBlocker block(m_profileCombo);
    m_profileCombo->clear();
    for (const SessionProfile &p : profiles) {
        const VendorApi *vendor = vendorById(p.profile.vendor);
        const QString vendorName = vendor ? vendor->displayName() : p.profile.vendor;
        m_profileCombo->addItem(tr("%1 (%2)").arg(p.profile.name, vendorName));
    }
    block.unblock();
    selectProfile(profiles.isEmpty() ? -1 : 0);
}

void MainWindow::setDemoNote(const QString &note)
{
    m_demoNote->setText(note);
    m_demoNote->setVisible(!note.isEmpty());
}

void MainWindow::selectProfile(int index)
{
    if (m_profileCombo->currentIndex() != index) {
        m_profileCombo->setCurrentIndex(index); // comes back here through the signal
        return;
    }
    m_retryTimer->stop();
    m_banner->clear();
    m_table->horizontalHeader()->setSortIndicatorShown(false);
    if (index < 0 || index >= m_profiles.size()) {
        m_model->clearSource();
        return;
    }
    const SessionProfile &p = m_profiles.at(index);
    const VendorApi *vendor = vendorById(p.profile.vendor);
    if (!vendor) {
        m_model->clearSource();
        m_banner->showError(
            Error::usage(tr("Unknown vendor '%1' in profile '%2'").arg(p.profile.vendor, p.profile.name)));
        return;
    }
    m_model->setSource(vendor, p.profile, p.secret);
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
}

QString MainWindow::statusText() const
{
    return m_statusLabel->text();
}

void MainWindow::onHeaderClicked(int section)
{
    QHeaderView *header = m_table->horizontalHeader();
    if (!m_model->isColumnSortable(section)) {
        header->setSortIndicatorShown(m_model->sortColumn() >= 0);
        if (m_model->sortColumn() >= 0)
            header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        statusBar()->showMessage(
            tr("%1 cannot sort on this column").arg(m_model->vendor() ? m_model->vendor()->displayName() : QString()),
            4000);
        return;
    }
    const Qt::SortOrder order = m_model->sortColumn() == section && m_model->sortOrder() == Qt::AscendingOrder
        ? Qt::DescendingOrder
        : Qt::AscendingOrder;
    m_model->sort(section, order);
    header->setSortIndicatorShown(true);
    header->setSortIndicator(section, order);
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void MainWindow::onRetrying(const Error &reason, int delayMs)
{
    m_retryReason = reason.kind == Error::Kind::RateLimit
        ? tr("Rate limited by %1").arg(m_model->vendor()->displayName())
        : reason.toString();
    m_retryDelayMs = delayMs;
    m_retryClock.start();
    updateRetryNotice();
    m_retryTimer->start();
}

void MainWindow::updateRetryNotice()
{
    const qint64 left = qMax<qint64>(0, m_retryDelayMs - m_retryClock.elapsed());
    const int seconds = int((left + 999) / 1000);
    m_banner->showNotice(tr("%1; retrying in %n s", nullptr, seconds).arg(m_retryReason));
    if (left == 0)
        m_retryTimer->stop();
}

void MainWindow::onStateChanged()
{
    const bool loading = m_model->isLoading();
    m_busy->setVisible(loading);
    const Error error = m_model->error();
    if (error.isError()) {
        m_retryTimer->stop();
        m_banner->showError(error);
    } else if (!m_retryTimer->isActive() || !loading) {
        m_retryTimer->stop();
        m_banner->clear();
    }
    QString status = m_model->statusText();
    if (loading)
        status = status.isEmpty() ? tr("Loading…") : tr("%1 — loading…").arg(status);
    m_statusLabel->setText(status);

    if (!m_model->vendor()) {
        m_placeholder->setText(tr("No profile selected.\nAdd a profile to browse its segments."));
        m_stack->setCurrentWidget(m_placeholder);
    } else if (m_model->rowCount() == 0 && m_model->isComplete()) {
        m_placeholder->setText(m_model->query().filter.isEmpty() ? tr("This account has no segments.")
                                                                 : tr("No segments match the filter."));
        m_stack->setCurrentWidget(m_placeholder);
    } else {
        m_stack->setCurrentWidget(m_table);
    }
}

} // namespace sb
