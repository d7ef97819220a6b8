#include "changesview.h"
#include "core/timetext.h"
#include "rowtableview.h"

#include "model/changesmodel.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QShortcut>
#include <QTableView>
#include <QVBoxLayout>

namespace sb {

ChangesView::ChangesView(QWidget *parent)
    : QWidget(parent),
      m_summary(new QLabel(this)),
      m_close(new QPushButton(tr("&Back to the Segments"), this)),
      m_table(new RowTableView(this)),
      m_model(new ChangesModel(this))
{
    setObjectName(QStringLiteral("changesView"));
    m_summary->setObjectName(QStringLiteral("changesSummary"));
    m_summary->setTextFormat(Qt::PlainText);
    m_summary->setWordWrap(true);
    m_close->setObjectName(QStringLiteral("closeChanges"));
    m_close->setAutoDefault(false);
    m_table->setObjectName(QStringLiteral("changesTable"));
    m_table->setAccessibleName(tr("Changes of the last sync"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setTabKeyNavigation(false);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->horizontalHeader()->setDefaultSectionSize(180);
    setFocusProxy(m_table);

    auto *top = new QHBoxLayout;
    top->setContentsMargins(8, 6, 8, 6);
    top->addWidget(m_summary, 1);
    top->addWidget(m_close);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(top);
    layout->addWidget(m_table, 1);

    connect(m_close, &QPushButton::clicked, this, &ChangesView::closeRequested);
    auto *escape = new QShortcut(QKeySequence(Qt::Key_Escape), this, this, &ChangesView::closeRequested);
    escape->setContext(Qt::WidgetWithChildrenShortcut);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this,
            [this](const QModelIndex &current) { emit currentChanged(current.isValid() ? current.row() : -1); });
}

void ChangesView::setChanges(const VendorApi *vendor, const QList<SegmentChange> &changes, const QDateTime &syncedAt,
                             const QString &ranBy)
{
    m_model->setChanges(vendor, changes);
    const QLocale locale;
    // "3 Dec 2026 17:14 UTC by anna on build-01": in a shared catalog, who ran it matters.
    const QString when =
        ranBy.isEmpty() ? localDateTimeText(syncedAt) : tr("%1 by %2").arg(localDateTimeText(syncedAt), ranBy);
    if (changes.isEmpty()) {
        m_summary->setText(tr("The sync of %1 changed nothing since the one before it.").arg(when));
    } else {
        m_summary->setText(tr("The sync of %1: %2 added, %3 removed, %4 changed.")
                               .arg(when, locale.toString(m_model->count(SegmentChange::Kind::Added)),
                                    locale.toString(m_model->count(SegmentChange::Kind::Removed)),
                                    locale.toString(m_model->count(SegmentChange::Kind::Changed))));
    }
    if (!changes.isEmpty())
        m_table->selectRow(0);
}

const SegmentChange &ChangesView::change(int row) const
{
    return m_model->change(row);
}

QString ChangesView::summary() const
{
    return m_summary->text();
}

} // namespace sb
