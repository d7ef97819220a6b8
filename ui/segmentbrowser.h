#pragma once

#include "core/error.h"
#include "core/page.h"
#include "core/profile.h"
#include "model/segmenttablemodel.h"
#include "store/segmentstore.h"

#include <QElapsedTimer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QLabel;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTimer;
QT_END_NAMESPACE

namespace sb {

class ChangesView;
class ColumnState;
class DetailPane;
class ErrorBanner;
class FilterBuilder;
class SegmentSearchProxy;
class SegmentTableModel;

// One source and its views (KeePassXC's DatabaseWidget): the segment table, or a placeholder
// where there is nothing to show, with the panes beside it (the details pane first), the
// server-side filter above it, the banner for errors and retries, and the note about a key
// near its expiry. The window around it holds the actions; this widget does what they ask.
//
// A new pane: create its widget here, addPane() it, and give it a toggle in MainWindow's View
// menu that calls setPaneVisible(). Panes are found by pointer, never by splitter position.
class SegmentBrowser final : public QWidget
{
    Q_OBJECT

public:
    explicit SegmentBrowser(QWidget *parent = nullptr);
    ~SegmentBrowser() override;

    // Shows the segments of `profile`, loading them as the table asks. The secret stays in memory.
    void open(const Profile &profile, const QString &secret);
    // The same, from a stored snapshot taken at `asOf` (`total` rows read as the table scrolls),
    // until a filter, a sort or reload() asks the vendor.
    void openSnapshot(const Profile &profile, const QString &secret, const QDateTime &asOf, qint64 total,
                      SegmentTableModel::SnapshotReader read);
    // The snapshot again after a sync of the source on show, keeping the selected segment.
    void refreshSnapshot(const QDateTime &asOf, qint64 total, SegmentTableModel::SnapshotReader read);
    bool showsSnapshot() const;
    // A snapshot opened without the profile's key (a colleague's catalog): it is browsed, searched
    // and exported as stored, and nothing asks the vendor (no filter, sort, reload or sync).
    bool isReadOnly() const;
    // The banner says so, with the way to add the key.
    void showReadOnly(const QString &text);
    // A sync of the snapshot on show failed: the rows stay, the banner says why, Retry syncs again.
    void showSyncFailure(const Error &error);
    bool offersServerFilter() const; // the vendor filters, and the key is there to ask it
    // Nothing open: the table empties and the placeholder says so.
    void close();
    bool hasSource() const;
    // Loads the current query again from the first page; on a snapshot, asks for a sync instead.
    void reload();

    // The Changes view: what the last sync changed, in place of the table, with each change's
    // before and after in the details pane. `changes` are the source's (SegmentStore::lastChanges).
    void showChanges(const QList<SegmentChange> &changes, const QDateTime &syncedAt, const QString &ranBy = {});
    void hideChanges();
    bool showsChanges() const;
    ChangesView *changesView() const { return m_changes; }
    // Instead of the table: `text`, and a button that asks for the profile editor when
    // `buttonText` is not empty. Stays until a source shows rows or says why it has none.
    void showPlaceholder(const QString &text, const QString &buttonText = {});
    QString placeholderText() const; // empty while the table shows
    // What the placeholder says while no source is open and nothing else was asked.
    void setIdleText(const QString &text);
    QString idleText() const { return m_idleText; }
    // Shows `query` in the filter row and loads its segments.
    void setQuery(const Query &query);

    SegmentTableModel *model() const { return m_model; }
    SegmentSearchProxy *searchProxy() const { return m_search; }
    QTableView *table() const { return m_table; }
    ErrorBanner *banner() const { return m_banner; }
    DetailPane *details() const { return m_details; }
    FilterBuilder *filterBuilder() const { return m_filter; }
    ColumnState *columnState() const { return m_columns; }

    // "Loaded 120 of 1,234 — loading…": what the status bar says about this source.
    QString statusText() const;
    bool isLoading() const;
    bool hasSelection() const;
    // Rows the user selected, as model rows in order.
    QList<int> selectedRows() const;
    // The visible columns in the order the header shows them.
    QList<int> visibleColumns() const;
    // Tab-separated text of the selected rows with a header line, as Ctrl+C copies it.
    QString selectionAsText() const;

    void copySelection();
    void copyAsCurl();
    void selectAll();
    void focusFilter();
    // Selects the first row and moves the focus to the table (Enter in the quick search).
    void goToFirstRow();
    // Shows the details pane with the current row's details and focuses it (Enter on a row).
    void openDetails();

    // The window's project and environment switcher, at the start of the row above the table
    // that also holds "Unused only" (for vendors that say who uses a segment).
    void setScopeBar(QWidget *bar);
    QCheckBox *unusedCheck() const { return m_unused; }

    // Panes beside the table.
    void addPane(QWidget *pane, int stretch);
    void setPaneVisible(QWidget *pane, bool visible);
    bool isPaneShown(QWidget *pane) const; // visible and not collapsed
    QByteArray saveSplitterState() const;
    void restoreSplitterState(const QByteArray &state);

signals:
    // Loading, error, totals or the source changed.
    void stateChanged();
    void selectionChanged();
    // The banner or the placeholder offers to edit the profile.
    void editProfileRequested();
    // A short note for the status bar.
    void statusMessage(const QString &text, int timeoutMs);
    // The browser showed a pane itself (Enter opens the details): the View menu's toggle follows.
    void paneShown(QWidget *pane);
    // The snapshot on show should be synced again (F5 or Retry on it).
    void syncRequested();
    void changesHidden();
    // "Search the Server" took the quick search's text into the filter: the search field empties.
    void searchMovedToServer();

public:
    // The notice in the table when the quick search finds no loaded row; empty when none is shown.
    QString noMatchText() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    QString m_readOnlyText; // the banner of a snapshot browsed without its key (showReadOnly())
    void onStateChanged();
    void onRetrying(const Error &reason, int delayMs);
    void updateRetryNotice();
    void onHeaderClicked(int section);
    void applyQuery(const Query &query);
    void fetchIfWanted();
    void showCurrentDetails();
    void showCurrentUsers(int row); // the details pane's users of the segment in `row`
    void updateSourceBar(); // "Unused only" for vendors that say who uses a segment
    void showChange(int row);
    QString currentKey() const;
    void selectKey(const QString &key);
    void defaultSplitterSizes();
    // In segmentbrowsersearch.cpp: the notice when the quick search finds nothing.
    void createSearchNotice();
    void updateSearchNotice();
    void loadAll();
    void continueLoadingAll();
    void searchOnServer();
    int sourceRow(const QModelIndex &viewIndex) const;

    SegmentTableModel *m_model;
    SegmentSearchProxy *m_search;
    QTableView *m_table;
    ColumnState *m_columns;
    QSplitter *m_splitter;
    QStackedWidget *m_stack;
    QWidget *m_placeholderPage;
    QLabel *m_placeholder;
    QPushButton *m_placeholderButton;
    DetailPane *m_details;
    FilterBuilder *m_filter;
    QLabel *m_expiryNote;
    QWidget *m_sourceBar; // the scope bar (the window's), then "Unused only"
    QCheckBox *m_unused;
    ErrorBanner *m_banner;
    QTimer *m_retryTimer;
    QElapsedTimer m_retryClock;
    Error m_retryReason;
    int m_retryDelayMs = 0;
    ChangesView *m_changes = nullptr;
    QList<int> m_paneStretch; // per splitter widget, the table first
    QString m_idleText;
    QWidget *m_noMatch = nullptr;
    QLabel *m_noMatchText = nullptr;
    QPushButton *m_loadAll = nullptr;
    QPushButton *m_searchServer = nullptr;
    bool m_loadingAll = false; // "Load All Segments": fetching page after page
    QString m_keyBeforeSearch; // the segment on show while the search proxy resets
};

} // namespace sb
