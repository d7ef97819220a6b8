#pragma once

#include "core/page.h"
#include "ldfilter/filter.h"

#include <QList>
#include <QStringList>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QFrame;
class QHBoxLayout;
class QLabel;
class QLineEdit;
class QPushButton;
class QScrollArea;
class QToolButton;
class QVBoxLayout;
QT_END_NAMESPACE

namespace sb {

class FilterRow;

// LaunchDarkly's filter and sort, edited two ways that stay in sync: rows (an OR of groups, each
// group an AND of conditions) and the filter text itself. Editing rows rewrites the text in its
// canonical form; editing valid text rebuilds the rows, or disables them when the filter has a
// shape rows cannot show. Invalid text is marked where the parser stopped and cannot be applied.
class FilterBuilder final : public QWidget
{
    Q_OBJECT

public:
    explicit FilterBuilder(QWidget *parent = nullptr);

    // The vendor's sortFields(); empty hides the sort control.
    void setSortFields(const QStringList &fields);
    // Shows the filter text and the sort spec; does not emit applied().
    void setQuery(const sb::Query &query);
    // The canonical filter text (ldfilter::print) and sort spec; the text as typed while invalid.
    sb::Query query() const;
    bool isValid() const;
    // What the table shows: its query and how many segments match it (-1: not known yet). The
    // builder then says whether what is on screen is applied ("Filter applied · 29 segments") or not.
    void setApplied(const sb::Query &query, qint64 matches);
    bool isApplied() const;
    // The conditions folded into the bar's one line (the filter in words beside the toggle).
    void setCollapsed(bool collapsed);
    bool isCollapsed() const;
    QString summaryText() const;
    QString appliedStateText() const;
    // For Ctrl+L: puts the keyboard in the filter text.
    void focusFilter();

signals:
    // Enter in the text or Apply, only when valid; Clear applies the empty filter.
    void applied(const sb::Query &query);
    void validityChanged(bool valid);
    void collapsedChanged(bool collapsed);

private:
    struct Group
    {
        QFrame *frame = nullptr;
        QVBoxLayout *rows = nullptr;
        QList<FilterRow *> members;
        QToolButton *addRow = nullptr;
    };
    struct SortRow
    {
        QWidget *widget = nullptr;
        QComboBox *field = nullptr;
        QComboBox *direction = nullptr;
        QToolButton *remove = nullptr;
    };

    void buildSortControl();
    void apply();
    void clear();

    // Text -> rows.
    void onTextEdited();
    void validateText();
    void markError(int column);
    void rebuildRows(const QList<QList<ldfilter::Term>> &rows);
    // Rows -> text.
    void onRowsChanged();
    FilterRow *addRow(int group, const std::optional<ldfilter::Term> &term = std::nullopt);
    int addGroup();
    void removeRow(FilterRow *row);
    void clearGroups();
    void updateRowControls();
    void updateTabOrder();

    void addSortRow(const QString &field = {}, bool descending = false);
    void removeSortRow(QWidget *widget);
    QString sortSpec() const;
    void updateSortControls();
    void setValid(bool valid);
    void updateAppliedState();
    void updateSummary();
    void fitRowsHeight();

    QWidget *m_rowsArea;
    QVBoxLayout *m_groupsLayout;
    QLabel *m_emptyNote;
    QLabel *m_nestedNote;
    QPushButton *m_addRow;
    QPushButton *m_addGroup;
    QLineEdit *m_text;
    QLabel *m_error;
    QLabel *m_state;
    QScrollArea *m_rowsScroll = nullptr;
    QWidget *m_body = nullptr; // the conditions, the text and its error: what folds away
    QToolButton *m_collapse = nullptr;
    QLabel *m_summary = nullptr;
    QWidget *m_barStretch = nullptr;
    QWidget *m_sortControl;
    QHBoxLayout *m_sortLayout;
    QToolButton *m_addSort;
    QPushButton *m_clear;
    QPushButton *m_apply;

    QList<Group> m_groups;
    QList<QLabel *> m_orLabels;
    QList<SortRow> m_sortRows;
    QStringList m_sortFields;
    ldfilter::Filter m_filter; // the parsed text while it is valid
    bool m_textValid = true;
    bool m_rowsEditable = true; // false while the text is invalid or has nesting rows cannot show
    bool m_valid = true;
    sb::Query m_applied; // what the table shows
    qint64 m_matches = -1;
};

} // namespace sb
