#include "segmentbrowser.h"
#include "core/timetext.h"
#include "rowtableview.h"
#include "settings.h"

#include "changesview.h"
#include "columnstate.h"
#include "detailpane.h"
#include "errorbanner.h"
#include "filterbuilder.h"
#include "secretexpiry.h"

#include "core/vendorapi.h"
#include "model/changesmodel.h"
#include "model/segmentsearchproxy.h"
#include "model/segmenttablemodel.h"
#include "net/curlcommand.h"
#include "vendors/registry.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMimeData>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>
#include <numeric>

namespace sb {

namespace {

// A cell as one line of tab-separated text: tabs and line breaks would split it.
QString tsvCell(QString text)
{
    for (QChar &c : text) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    }
    return text;
}

} // namespace

SegmentBrowser::SegmentBrowser(QWidget *parent)
    : QWidget(parent),
      m_model(new SegmentTableModel(this)),
      m_search(new SegmentSearchProxy(this)),
      m_table(new RowTableView(this)),
      m_columns(new ColumnState(m_table, m_model, this)),
      m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_stack(new QStackedWidget(this)),
      m_placeholderPage(new QWidget(this)),
      m_placeholder(new QLabel(m_placeholderPage)),
      m_placeholderButton(new QPushButton(m_placeholderPage)),
      m_details(new DetailPane(this)),
      m_filter(new FilterBuilder(this)),
      m_expiryNote(new QLabel(this)),
      m_banner(new ErrorBanner(this)),
      m_retryTimer(new QTimer(this))
{
    setObjectName(QStringLiteral("segmentBrowser"));
    m_search->setSourceModel(m_model);
    m_table->setModel(m_search);
    m_table->setObjectName(QStringLiteral("segmentTable"));
    m_table->setAccessibleName(tr("Segments"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setTabKeyNavigation(false); // Tab leaves the table for the window's next part; arrows move in it
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    header->setDefaultSectionSize(160);
    // Sorting is the server's: the header asks the model, and shows an indicator only where it sorts.
    header->setSortIndicatorShown(false);
    header->setSectionsClickable(true);
    connect(header, &QHeaderView::sectionClicked, this, &SegmentBrowser::onHeaderClicked);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setObjectName(QStringLiteral("placeholder"));
    m_placeholderButton->setObjectName(QStringLiteral("placeholderButton"));
    m_placeholderButton->hide();
    connect(m_placeholderButton, &QPushButton::clicked, this, &SegmentBrowser::editProfileRequested);
    auto *placeholderLayout = new QVBoxLayout(m_placeholderPage);
    placeholderLayout->addStretch(1);
    placeholderLayout->addWidget(m_placeholder);
    placeholderLayout->addWidget(m_placeholderButton, 0, Qt::AlignHCenter);
    placeholderLayout->addStretch(1);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_placeholderPage);
    m_changes = new ChangesView(this);
    m_stack->addWidget(m_changes);
    connect(m_changes, &ChangesView::currentChanged, this, &SegmentBrowser::showChange);
    connect(m_changes, &ChangesView::closeRequested, this, [this] {
        hideChanges();
        emit changesHidden();
    });

    m_expiryNote->setObjectName(QStringLiteral("expiryNote"));
    m_expiryNote->setWordWrap(true);
    m_expiryNote->setContentsMargins(8, 4, 8, 4);
    m_expiryNote->setTextFormat(Qt::PlainText);
    m_expiryNote->hide();
    m_filter->hide(); // shown for vendors that filter on the server
    connect(m_filter, &FilterBuilder::applied, this, &SegmentBrowser::applyQuery);
    m_filter->setCollapsed(UiSettings::filterCollapsed());
    connect(m_filter, &FilterBuilder::collapsedChanged, this, &UiSettings::setFilterCollapsed);
    m_splitter->setObjectName(QStringLiteral("splitter"));
    m_splitter->setChildrenCollapsible(true);
    m_splitter->addWidget(m_stack);
    m_splitter->setStretchFactor(0, 2);
    m_paneStretch.append(2);
    m_details->setObjectName(QStringLiteral("detailPane"));
    addPane(m_details, 1); // the table takes two thirds, the details one

    m_sourceBar = new QWidget(this);
    m_sourceBar->setObjectName(QStringLiteral("sourceBar"));
    m_unused = new QCheckBox(m_sourceBar);
    m_unused->setObjectName(QStringLiteral("unusedCheck"));
    m_unused->hide();
    auto *sourceBarLayout = new QHBoxLayout(m_sourceBar);
    sourceBarLayout->setContentsMargins(0, 0, 0, 0);
    sourceBarLayout->addStretch(1);
    sourceBarLayout->addWidget(m_unused);
    connect(m_unused, &QCheckBox::toggled, this, &SegmentBrowser::updateSourceBar);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_sourceBar);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_expiryNote);
    layout->addWidget(m_filter);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);

    createSearchNotice();
    m_retryTimer->setInterval(1000);
    connect(m_retryTimer, &QTimer::timeout, this, &SegmentBrowser::updateRetryNotice);
    connect(m_model, &SegmentTableModel::stateChanged, this, &SegmentBrowser::onStateChanged);
    connect(m_model, &SegmentTableModel::rowsInserted, this, &SegmentBrowser::onStateChanged);
    connect(m_model, &SegmentTableModel::retrying, this, &SegmentBrowser::onRetrying);
    // A server gone quiet: how long, and when the page is given up (it never hangs for good).
    connect(m_model, &SegmentTableModel::stalled, this, [this](qint64 quietMs, qint64 giveUpInMs) {
        const QString vendor = m_model->vendor() ? m_model->vendor()->displayName() : tr("The server");
        m_banner->showNotice(tr("%1 has not answered for %2 s; giving up in %3 s")
                                 .arg(vendor)
                                 .arg(quietMs / 1000)
                                 .arg((giveUpInMs + 999) / 1000));
    });
    connect(m_banner, &ErrorBanner::retryRequested, this, [this] {
        if (m_model->isSnapshot())
            emit syncRequested();
        else
            m_model->retry();
    });
    connect(m_banner, &ErrorBanner::editProfileRequested, this, &SegmentBrowser::editProfileRequested);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &SegmentBrowser::selectionChanged);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            &SegmentBrowser::showCurrentDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &SegmentBrowser::showCurrentDetails);
    connect(m_model, &SegmentTableModel::usageChanged, this, [this] {
        const int row = sourceRow(m_table->selectionModel()->currentIndex());
        if (row >= 0 && row < m_model->rowCount() && !showsChanges())
            showCurrentUsers(row);
    });
    // Enter (or a double click) on a row opens its details.
    connect(m_table, &QAbstractItemView::activated, this, &SegmentBrowser::openDetails);
    defaultSplitterSizes();
    onStateChanged();
}

SegmentBrowser::~SegmentBrowser() = default;

// --- the source ----------------------------------------------------------------------------

void SegmentBrowser::open(const Profile &profile, const QString &secret)
{
    m_retryTimer->stop();
    m_banner->clear();
    m_readOnlyText.clear();
    m_loadingAll = false;
    m_columns->save();
    const VendorApi *vendor = vendorById(profile.vendor);
    m_model->setSource(vendor, profile, secret);
    m_columns->restore();
    m_filter->setSortFields(vendor->sortFields());
    m_filter->setQuery({});
    m_filter->setVisible(offersServerFilter());
    updateSourceBar();
    const QString expiry = secretExpiryWarning(*vendor, secret, QDateTime::currentDateTime());
    m_expiryNote->setText(expiry.isEmpty() ? QString()
                                           : expiry + QLatin1Char(' ') + tr("Renew it in File > Profiles…"));
    m_expiryNote->setVisible(!expiry.isEmpty());
    m_table->horizontalHeader()->setSortIndicatorShown(false);
    fetchIfWanted();
    emit stateChanged();
}

void SegmentBrowser::openSnapshot(const Profile &profile, const QString &secret, const QDateTime &asOf, qint64 total,
                                  SegmentTableModel::SnapshotReader read)
{
    open(profile, secret); // asks the vendor for nothing yet: the view fetches when it shows
    m_model->showSnapshot(total, asOf, std::move(read));
    fetchIfWanted();
    emit stateChanged();
}

void SegmentBrowser::refreshSnapshot(const QDateTime &asOf, qint64 total, SegmentTableModel::SnapshotReader read)
{
    const QString key = currentKey();
    m_banner->clear();
    m_model->showSnapshot(total, asOf, std::move(read));
    fetchIfWanted();
    selectKey(key);
}

bool SegmentBrowser::showsSnapshot() const
{
    return m_model->isSnapshot();
}

void SegmentBrowser::showSyncFailure(const Error &error)
{
    if (error.kind == Error::Kind::Cancelled)
        return;
    const QString asOf = localDateTimeText(m_model->snapshotTime());
    Error shown = error;
    shown.httpStatus = 0;
    shown.message = (error.kind == Error::Kind::Network ? tr("Offline — showing the snapshot of %1.")
                                                        : tr("The sync failed — showing the snapshot of %1."))
                        .arg(asOf)
        + QLatin1Char('\n') + error.toString();
    m_banner->showError(shown);
}

QString SegmentBrowser::currentKey() const
{
    const int row = sourceRow(m_table->selectionModel()->currentIndex());
    return row >= 0 ? m_model->index(row, 0).data(SegmentTableModel::RecordKeyRole).toString() : QString();
}

void SegmentBrowser::selectKey(const QString &key)
{
    if (key.isEmpty())
        return;
    for (int row = 0; row < m_model->rowCount(); ++row) {
        if (m_model->index(row, 0).data(SegmentTableModel::RecordKeyRole).toString() == key) {
            const QModelIndex view = m_search->mapFromSource(m_model->index(row, 0));
            if (view.isValid()) {
                m_table->selectionModel()->setCurrentIndex(
                    view, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
                m_table->scrollTo(view);
            }
            return;
        }
    }
}

void SegmentBrowser::close()
{
    hideChanges();
    m_retryTimer->stop();
    m_banner->clear();
    m_expiryNote->hide();
    m_columns->save(); // the header still shows the closing vendor's columns
    m_model->clearSource();
}

bool SegmentBrowser::hasSource() const
{
    return m_model->vendor() != nullptr;
}

void SegmentBrowser::reload()
{
    if (isReadOnly())
        return;
    if (m_model->isSnapshot()) {
        emit syncRequested();
        return;
    }
    m_model->reload();
    fetchIfWanted();
}

void SegmentBrowser::fetchIfWanted()
{
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void SegmentBrowser::showPlaceholder(const QString &text, const QString &buttonText)
{
    m_placeholder->setText(text);
    m_placeholderButton->setText(buttonText);
    m_placeholderButton->setVisible(!buttonText.isEmpty());
    m_stack->setCurrentWidget(m_placeholderPage);
}

QString SegmentBrowser::placeholderText() const
{
    return m_stack->currentWidget() == m_placeholderPage ? m_placeholder->text() : QString();
}

void SegmentBrowser::setIdleText(const QString &text)
{
    m_idleText = text;
}

QString SegmentBrowser::statusText() const
{
    QString status = m_model->statusText();
    if (m_model->isLoading())
        status = status.isEmpty() ? tr("Loading…") : tr("%1 — loading…").arg(status);
    return status;
}

bool SegmentBrowser::isLoading() const
{
    return m_model->isLoading();
}

void SegmentBrowser::onStateChanged()
{
    const bool loading = m_model->isLoading();
    const Error error = m_model->error();
    if (error.isError()) {
        m_retryTimer->stop();
        m_banner->showError(error);
    } else if (!m_retryTimer->isActive() || !loading) {
        m_retryTimer->stop();
        if (m_model->vendor() && isReadOnly() && !m_readOnlyText.isEmpty())
            m_banner->showReadOnly(m_readOnlyText); // for as long as the snapshot is on show
        else if (m_model->vendor())
            m_banner->clear();
    }

    // The filter says whether it is what the table shows, and how many segments match.
    const qint64 matches = m_model->isComplete() ? m_model->loadedCount() : m_model->total();
    m_filter->setApplied(m_model->query(), error.isError() ? -1 : matches);

    if (m_stack->currentWidget() == m_changes) {
        // The Changes view stays until it is closed.
    } else if (!m_model->vendor()) {
        // A keychain read in progress or a missing key has its own placeholder.
        if (m_stack->currentWidget() != m_placeholderPage)
            showPlaceholder(m_idleText);
    } else if (m_model->rowCount() == 0 && m_model->isComplete()) {
        showPlaceholder(m_model->query().filter.isEmpty() ? tr("This account has no segments.")
                                                          : tr("No segments match the filter.\nChange or clear the "
                                                               "filter to see more."));
    } else if (m_model->rowCount() == 0 && error.isError()) {
        showPlaceholder(tr("No segments could be loaded."));
    } else {
        m_stack->setCurrentWidget(m_table);
    }
    continueLoadingAll();
    updateSearchNotice();
    emit stateChanged();
}

void SegmentBrowser::onRetrying(const Error &reason, int delayMs)
{
    m_retryReason = reason;
    m_retryDelayMs = delayMs;
    m_retryClock.start();
    updateRetryNotice();
    m_retryTimer->start();
}

void SegmentBrowser::updateRetryNotice()
{
    const qint64 left = qMax<qint64>(0, m_retryDelayMs - m_retryClock.elapsed());
    m_banner->showNotice(
        retryNotice(m_retryReason, m_model->vendor() ? m_model->vendor()->displayName() : QString(), left));
    if (left == 0)
        m_retryTimer->stop();
}

// --- selection ----------------------------------------------------------------------------

int SegmentBrowser::sourceRow(const QModelIndex &viewIndex) const
{
    const QModelIndex source = m_search->mapToSource(viewIndex);
    return source.isValid() ? source.row() : -1;
}

bool SegmentBrowser::hasSelection() const
{
    return m_table->selectionModel() && m_table->selectionModel()->hasSelection();
}

QList<int> SegmentBrowser::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(sourceRow(index));
    std::sort(rows.begin(), rows.end());
    return rows;
}

QList<int> SegmentBrowser::visibleColumns() const
{
    return m_columns->visibleColumns();
}

QString SegmentBrowser::selectionAsText() const
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return {};
    const QList<int> columns = visibleColumns();
    QStringList lines;
    QStringList cells;
    for (int c : columns)
        cells.append(tsvCell(m_model->headerData(c, Qt::Horizontal).toString()));
    lines.append(cells.join(QLatin1Char('\t')));
    for (int r : rows) {
        cells.clear();
        for (int c : columns)
            cells.append(tsvCell(m_model->index(r, c).data().toString()));
        lines.append(cells.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void SegmentBrowser::copySelection()
{
    const QString text = selectionAsText();
    if (text.isEmpty())
        return;
    auto *mime = new QMimeData;
    mime->setText(text);
    mime->setData(QStringLiteral("text/tab-separated-values"), text.toUtf8());
    QGuiApplication::clipboard()->setMimeData(mime);
    const qsizetype rows = selectedRows().size();
    emit statusMessage(rows == 1 ? tr("Copied 1 row") : tr("Copied %1 rows").arg(QLocale().toString(rows)), 3000);
}

void SegmentBrowser::copyAsCurl()
{
    if (!m_model->vendor())
        return;
    const Result<QString> command = curlCommand(*m_model->vendor(), m_model->profile(), m_model->query());
    if (!command) {
        m_banner->showError(command.error());
        return;
    }
    QGuiApplication::clipboard()->setText(command.value());
    emit statusMessage(tr("Copied the request as curl; set %1 to the key before running it.")
                           .arg(QStringLiteral("$") + kSecretVariable),
                       5000);
}

void SegmentBrowser::selectAll()
{
    m_table->selectAll();
}

void SegmentBrowser::goToFirstRow()
{
    m_table->setFocus();
    m_table->selectRow(0);
}

// --- the Changes view ---------------------------------------------------------------------

void SegmentBrowser::showChanges(const QList<SegmentChange> &changes, const QDateTime &syncedAt, const QString &ranBy)
{
    m_changes->setChanges(m_model->vendor(), changes, syncedAt, ranBy);
    m_filter->hide(); // the filter is the table's, not the changes'
    m_stack->setCurrentWidget(m_changes);
    m_details->clear();
    m_changes->setFocus(Qt::OtherFocusReason);
    emit stateChanged();
}

void SegmentBrowser::hideChanges()
{
    if (m_stack->currentWidget() != m_changes)
        return;
    m_stack->setCurrentWidget(m_table);
    m_filter->setVisible(offersServerFilter());
    onStateChanged(); // the table, or the placeholder that says why there are no rows
    showCurrentDetails();
}

bool SegmentBrowser::showsChanges() const
{
    return m_stack->currentWidget() == m_changes;
}

void SegmentBrowser::showChange(int row)
{
    if (row < 0) {
        m_details->clear();
        return;
    }
    const SegmentChange &c = m_changes->change(row);
    m_details->setChange(m_model->vendor(), m_model->profile(), c.before, c.after, ChangesModel::kindText(c.kind),
                         c.fields);
}

// --- panes --------------------------------------------------------------------------------

void SegmentBrowser::showCurrentDetails()
{
    const int row = sourceRow(m_table->selectionModel()->currentIndex());
    if (row < 0 || !m_model->vendor() || row >= m_model->rowCount()) {
        m_details->clear();
        return;
    }
    m_details->setSegment(m_model->vendor(), m_model->profile(), m_model->segment(row).json);
    showCurrentUsers(row);
}

void SegmentBrowser::openDetails()
{
    setPaneVisible(m_details, true);
    emit paneShown(m_details);
    showCurrentDetails();
    m_details->setFocus(Qt::OtherFocusReason);
}

void SegmentBrowser::addPane(QWidget *pane, int stretch)
{
    m_splitter->addWidget(pane);
    m_splitter->setStretchFactor(m_splitter->indexOf(pane), stretch);
    m_paneStretch.append(stretch);
}

void SegmentBrowser::setPaneVisible(QWidget *pane, bool visible)
{
    const int index = m_splitter->indexOf(pane);
    if (index <= 0)
        return;
    pane->setVisible(visible);
    if (!visible || m_splitter->sizes().value(index) > 0)
        return;
    // Collapsed by dragging: give it its share again, taken from the table.
    QList<int> sizes = m_splitter->sizes();
    const int total = std::accumulate(m_paneStretch.cbegin(), m_paneStretch.cend(), 0);
    const int room = m_splitter->width() * m_paneStretch.value(index) / qMax(1, total);
    sizes[index] = room;
    sizes[0] = qMax(0, sizes[0] - room);
    m_splitter->setSizes(sizes);
}

bool SegmentBrowser::isPaneShown(QWidget *pane) const
{
    const int index = m_splitter->indexOf(pane);
    return index > 0 && pane->isVisibleTo(m_splitter) && m_splitter->sizes().value(index) > 0;
}

void SegmentBrowser::defaultSplitterSizes()
{
    // As the stretch factors share the window's default width.
    constexpr int width = 1200;
    const int total = std::accumulate(m_paneStretch.cbegin(), m_paneStretch.cend(), 0);
    QList<int> sizes;
    for (int stretch : std::as_const(m_paneStretch))
        sizes.append(width * stretch / qMax(1, total));
    m_splitter->setSizes(sizes);
}

QByteArray SegmentBrowser::saveSplitterState() const
{
    return m_splitter->saveState();
}

void SegmentBrowser::restoreSplitterState(const QByteArray &state)
{
    if (state.isEmpty() || !m_splitter->restoreState(state))
        defaultSplitterSizes();
}

} // namespace sb
