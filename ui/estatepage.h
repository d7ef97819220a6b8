#pragma once

#include "core/profile.h"
#include "store/segmentstore.h"

#include <QWidget>

#include <functional>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QLabel;
class QLineEdit;
class QSplitter;
class QTableView;
class QTimer;
QT_END_NAMESPACE

namespace sb {

class DetailPane;
class EstateModel;

// "All segments": the grid across every source of the store, with a search over key, name,
// description and tags of every segment (Ctrl+F), filters (vendor, tag, changed lately, removed),
// sorting by any column, and the chosen segment in full beside it.
class EstatePage final : public QWidget
{
    Q_OBJECT

public:
    explicit EstatePage(QWidget *parent = nullptr);

    // The store is not owned and outlives the page; nullptr: nothing to show, and why.
    void setStore(const SegmentStore *store, const QString &whyNot = {});
    // How a row's profile is found, for its links in the details (its web app page).
    void setProfileLookup(std::function<Profile(const QString &name)> lookup) { m_lookup = std::move(lookup); }
    // The accounts the Account filter offers: every source of the store.
    void setSources(const QList<SourceInfo> &sources);
    // Narrows the grid to one vendor ("" : every vendor), as the side bar's vendor entries do.
    // Reads the rows again either way: what the grid shows may have changed since it was last shown.
    void setVendor(const QString &vendor);
    // Reads the rows again (after a sync), keeping the query and the sort.
    void refresh();
    void focusSearch();
    // Adds a field of the vendors' records as a column (Add Field… in the header's menu).
    bool addField(const QString &field);
    void removeField(const QString &field);
    // The grid's columns (fields added, order, widths, sort) to and from the settings.
    void saveLayout() const;
    void restoreLayout();
    // File > Export on All segments: asks where (and, with rows selected, whether only those),
    // then writes the grid's rows with its columns in its order.
    void exportRows();
    // Writes the rows the grid's query matches (all of them, not only those read so far), or only
    // the selected ones, to `path` as CSV: the columns on show, in the header's order. The file
    // appears only when complete. Returns how many segments it wrote.
    Result<qint64> writeCsv(const QString &path, bool selectedOnly) const;
    // Applies what the search and filter fields hold now (as typing does after a pause).
    void refreshQuery() { applyQuery(); }

    EstateModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    QLineEdit *searchEdit() const { return m_search; }
    DetailPane *details() const { return m_details; }
    QString countText() const;
    QSplitter *splitter() const { return m_splitter; }

signals:
    void statusMessage(const QString &text, int timeoutMs);

private:
    void applyQuery();
    void showHeaderMenu(const QPoint &pos);
    void showCurrent();
    void updateCount();

    const SegmentStore *m_store = nullptr;
    EstateModel *m_model;
    QLineEdit *m_search;
    QComboBox *m_vendor;
    QComboBox *m_account;
    QLineEdit *m_tag;
    QComboBox *m_changed;
    QCheckBox *m_removed;
    QCheckBox *m_unused;
    QLabel *m_count;
    QTableView *m_table;
    DetailPane *m_details;
    QSplitter *m_splitter;
    QTimer *m_typing;
    std::function<Profile(const QString &)> m_lookup;
};

} // namespace sb
