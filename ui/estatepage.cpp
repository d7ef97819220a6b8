#include "estatepage.h"
#include "rowtableview.h"

#include "detailpane.h"
#include "settings.h"

#include "core/segment.h"
#include "core/vendorapi.h"
#include "export/csvwriter.h"
#include "export/estatecsv.h"
#include "export/outputfile.h"
#include "model/estatemodel.h"
#include "vendors/registry.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSplitter>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace sb {

EstatePage::EstatePage(QWidget *parent)
    : QWidget(parent),
      m_model(new EstateModel(this)),
      m_search(new QLineEdit(this)),
      m_vendor(new QComboBox(this)),
      m_account(new QComboBox(this)),
      m_tag(new QLineEdit(this)),
      m_changed(new QComboBox(this)),
      m_removed(new QCheckBox(tr("Re&moved"), this)),
      m_unused(new QCheckBox(tr("&Unused"), this)),
      m_count(new QLabel(this)),
      m_table(new RowTableView(this)),
      m_details(new DetailPane(this)),
      m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_typing(new QTimer(this))
{
    setObjectName(QStringLiteral("estatePage"));
    m_search->setObjectName(QStringLiteral("estateSearch"));
    m_search->setPlaceholderText(tr("Search every account: key, name, description, tags (Ctrl+F)"));
    m_search->setAccessibleName(tr("Search every account"));
    m_search->setClearButtonEnabled(true);
    m_vendor->setObjectName(QStringLiteral("estateVendor"));
    m_vendor->setAccessibleName(tr("Vendor"));
    m_vendor->addItem(tr("Every vendor"), QString());
    for (const VendorApi *v : allVendors()) {
        m_vendor->addItem(v->shortName(), v->id());
        m_vendor->setItemData(m_vendor->count() - 1, v->displayName(), Qt::ToolTipRole);
    }
    m_account->setObjectName(QStringLiteral("estateAccount"));
    m_account->setAccessibleName(tr("Account"));
    m_account->addItem(tr("Every account"));
    m_account->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_tag->setObjectName(QStringLiteral("estateTag"));
    m_tag->setPlaceholderText(tr("Tag"));
    m_tag->setAccessibleName(tr("Tag"));
    m_tag->setClearButtonEnabled(true);
    m_tag->setMaximumWidth(160);
    m_changed->setObjectName(QStringLiteral("estateChanged"));
    m_changed->setAccessibleName(tr("Changed"));
    m_changed->addItem(tr("Changed any time"), 0);
    for (const int days : {1, 7, 30, 90})
        m_changed->addItem(days == 1 ? tr("Changed in the last day") : tr("Changed in the last %1 days").arg(days),
                           days);
    m_removed->setObjectName(QStringLiteral("estateRemoved"));
    m_removed->setToolTip(tr("Segments the syncs found removed, instead of those in the snapshots"));
    m_unused->setObjectName(QStringLiteral("estateUnused"));
    m_unused->setToolTip(
        tr("Segments no %1 use, where the last sync could read that").arg(EstateModel::usersTitle().toLower()));
    m_count->setObjectName(QStringLiteral("estateCount"));

    // The search and its count on one line, the narrowing choices below: a narrow window keeps both.
    auto *bar = new QVBoxLayout;
    bar->setContentsMargins(6, 6, 6, 6);
    auto *searchRow = new QHBoxLayout;
    searchRow->addWidget(m_search, 1);
    searchRow->addWidget(m_count);
    auto *narrowRow = new QHBoxLayout;
    narrowRow->addWidget(m_vendor);
    narrowRow->addWidget(m_account);
    narrowRow->addWidget(m_tag);
    narrowRow->addWidget(m_changed);
    narrowRow->addWidget(m_removed);
    narrowRow->addWidget(m_unused);
    narrowRow->addStretch(1);
    bar->addLayout(searchRow);
    bar->addLayout(narrowRow);

    m_table->setObjectName(QStringLiteral("estateTable"));
    m_table->setAccessibleName(tr("All segments"));
    m_table->setModel(m_model);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(-1, Qt::AscendingOrder);
    m_table->horizontalHeader()->setSectionsMovable(true);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setTabKeyNavigation(false); // Tab leaves the table; arrows move in it
    m_table->setWordWrap(false);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->setAlternatingRowColors(true);
    const int em = m_table->fontMetrics().horizontalAdvance(QLatin1Char('M'));
    const int widths[EstateModel::Count] = {8, 10, 9, 12, 18, 20, 10, 10, 10, 10};
    for (int c = 0; c < EstateModel::Count; ++c)
        m_table->setColumnWidth(c, widths[c] * em);

    m_table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_table->horizontalHeader(), &QWidget::customContextMenuRequested, this, &EstatePage::showHeaderMenu);
    m_splitter->addWidget(m_table);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 1);

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addLayout(bar);
    layout->addWidget(m_splitter, 1);
    setTabOrder(m_search, m_vendor);
    setTabOrder(m_vendor, m_account);
    setTabOrder(m_account, m_tag);
    setTabOrder(m_tag, m_changed);
    setTabOrder(m_changed, m_removed);
    setTabOrder(m_removed, m_unused);
    setTabOrder(m_unused, m_table);
    setTabOrder(m_table, m_details);

    // The store answers fast, but not on every key press of a word being typed.
    m_typing->setSingleShot(true);
    m_typing->setInterval(150);
    connect(m_typing, &QTimer::timeout, this, &EstatePage::applyQuery);
    connect(m_search, &QLineEdit::textEdited, m_typing, qOverload<>(&QTimer::start));
    connect(m_tag, &QLineEdit::textEdited, m_typing, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        applyQuery();
        if (m_model->rowCount() > 0) {
            m_table->setFocus();
            m_table->selectRow(0);
        }
    });
    connect(m_vendor, &QComboBox::currentIndexChanged, this, &EstatePage::applyQuery);
    connect(m_account, &QComboBox::currentIndexChanged, this, &EstatePage::applyQuery);
    connect(m_changed, &QComboBox::currentIndexChanged, this, &EstatePage::applyQuery);
    connect(m_removed, &QCheckBox::toggled, this, &EstatePage::applyQuery);
    connect(m_unused, &QCheckBox::toggled, this, &EstatePage::applyQuery);
    connect(m_model, &EstateModel::reset, this, [this] {
        updateCount();
        m_details->clear();
    });
    connect(m_model, &EstateModel::totalChanged, this, &EstatePage::updateCount);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &EstatePage::showCurrent);
    updateCount();
}

void EstatePage::setStore(const SegmentStore *store, const QString &whyNot)
{
    m_store = store && store->isOpen() ? store : nullptr;
    m_model->setStore(m_store);
    if (!m_store)
        m_count->setText(whyNot.isEmpty() ? tr("No local store") : whyNot);
}

void EstatePage::setSources(const QList<SourceInfo> &sources)
{
    const QVariant current = m_account->currentData();
    QSignalBlocker block(m_account);
    while (m_account->count() > 1)
        m_account->removeItem(1);
    for (const SourceInfo &s : sources) {
        if (!s.lastSync.isValid())
            continue; // nothing of it in the grid
        const QString label =
            s.key.environment.isEmpty() ? s.key.profile : tr("%1 — %2").arg(s.key.profile, s.key.environment);
        m_account->addItem(label, QStringList {s.key.profile, s.key.environment});
    }
    const int index = m_account->findData(current);
    m_account->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && current.isValid())
        applyQuery(); // the account on show is gone
}

void EstatePage::setVendor(const QString &vendor)
{
    const int index = m_vendor->findData(vendor);
    if (index >= 0 && index != m_vendor->currentIndex())
        m_vendor->setCurrentIndex(index); // applies the query
    else
        refresh();
}

void EstatePage::refresh()
{
    const int row = m_table->currentIndex().row();
    m_model->refresh();
    if (row >= 0 && row < m_model->rowCount())
        m_table->selectRow(row);
}

Result<qint64> EstatePage::writeCsv(const QString &path, bool selectedOnly) const
{
    if (!m_store)
        return Error::storage(tr("No local store"));
    // The columns on show, in the header's order, by their CSV names; added fields by their paths.
    const QStringList names = estateCsvColumns() + m_model->extraFields();
    QStringList columns;
    const QHeaderView *header = m_table->horizontalHeader();
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical) && logical < names.size())
            columns.append(names.at(logical));
    }
    Result<std::unique_ptr<QFileDevice>> file = openOutput(path);
    if (!file)
        return file.error();
    CsvWriter writer(file.value().get());
    bool ok = writer.writeRow(columns);
    qint64 written = 0;
    if (selectedOnly) {
        QList<int> rows;
        for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
            rows.append(index.row());
        std::sort(rows.begin(), rows.end());
        for (const int row : std::as_const(rows)) {
            if (const EstateRow *r = m_model->row(row); r && ok) {
                ok = writer.writeRow(estateCsvCells(columns, *r));
                ++written;
            }
        }
    } else {
        const Error read =
            m_store->forEachEstateRow(m_model->query(), needsRecords(columns), [&](const EstateRow &row) {
                ok = writer.writeRow(estateCsvCells(columns, row));
                ++written;
                return ok;
            });
        if (read.isError())
            return read;
    }
    if (!ok) {
        abandonOutput(file.value().get());
        return Error::storage(tr("Cannot write %1: %2").arg(path, writer.errorString()));
    }
    if (const Error e = finishOutput(file.value().get(), path); e.isError())
        return e;
    return written;
}

void EstatePage::exportRows()
{
    if (!m_store)
        return;
    const int selected = int(m_table->selectionModel()->selectedRows().size());
    bool selectedOnly = false;
    if (selected > 1) {
        QMessageBox ask(QMessageBox::Question, tr("Export"), tr("Export which segments?"), QMessageBox::Cancel, this);
        QPushButton *some =
            ask.addButton(tr("&Selected (%1)").arg(QLocale().toString(selected)), QMessageBox::AcceptRole);
        QPushButton *all = ask.addButton(tr("&All that match (%1)").arg(QLocale().toString(m_model->total())),
                                         QMessageBox::AcceptRole);
        ask.setDefaultButton(all);
        ask.exec();
        if (ask.clickedButton() != some && ask.clickedButton() != all)
            return;
        selectedOnly = ask.clickedButton() == some;
    }
    QString folder = UiSettings::exportDirectory();
    if (folder.isEmpty())
        folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export All Segments"),
                                                      QDir(folder).filePath(QStringLiteral("all-segments.csv")),
                                                      tr("CSV files (*.csv)"));
    if (path.isEmpty()) {
        emit statusMessage(tr("Export cancelled — nothing was written"), 5000);
        return;
    }
    UiSettings::setExportDirectory(QFileInfo(path).absolutePath());
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<qint64> written = writeCsv(path, selectedOnly);
    QApplication::restoreOverrideCursor();
    if (!written) {
        QMessageBox::warning(this, tr("Export"), written.error().message);
        return;
    }
    const QString segments =
        written.value() == 1 ? tr("1 segment") : tr("%1 segments").arg(QLocale().toString(written.value()));
    emit statusMessage(tr("Wrote %1 to %2").arg(segments, QDir::toNativeSeparators(path)), 8000);
}

bool EstatePage::addField(const QString &field)
{
    const QString path = field.trimmed();
    // The grid's own columns keep their names (the CSV's header would name two columns alike).
    if (!isWellFormedFieldPath(path) || m_model->extraFields().contains(path) || estateCsvColumns().contains(path))
        return false;
    m_model->setExtraFields(m_model->extraFields() << path);
    return true;
}

void EstatePage::removeField(const QString &field)
{
    QStringList fields = m_model->extraFields();
    if (fields.removeAll(field) > 0)
        m_model->setExtraFields(fields);
}

void EstatePage::saveLayout() const
{
    UiSettings::setEstateFields(m_model->extraFields());
    UiSettings::setEstateHeaderState(m_table->horizontalHeader()->saveState());
}

void EstatePage::restoreLayout()
{
    const QStringList fields = UiSettings::estateFields();
    if (!fields.isEmpty())
        m_model->setExtraFields(fields);
    m_table->horizontalHeader()->restoreState(UiSettings::estateHeaderState());
}

void EstatePage::showHeaderMenu(const QPoint &pos)
{
    QHeaderView *header = m_table->horizontalHeader();
    const int section = header->logicalIndexAt(pos);
    QMenu menu(this);
    for (int c = 0; c < m_model->columnCount(); ++c) {
        QAction *toggle = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
        toggle->setCheckable(true);
        toggle->setChecked(!header->isSectionHidden(c));
        connect(toggle, &QAction::toggled, this, [header, c](bool on) { header->setSectionHidden(c, !on); });
    }
    menu.addSeparator();
    menu.addAction(tr("&Add Field…"), this, [this] {
        bool ok = false;
        const QString field =
            QInputDialog::getText(this, tr("Add Field"),
                                  tr("A field of the vendors' records, such as rules or owner.name (empty where a "
                                     "vendor's records have no such field):"),
                                  QLineEdit::Normal, {}, &ok);
        if (ok && !field.trimmed().isEmpty() && !addField(field))
            emit statusMessage(tr("“%1” is not a field path, or is shown already").arg(field.trimmed()), 6000);
    });
    if (section >= EstateModel::Count) {
        const QString field = m_model->headerData(section, Qt::Horizontal, Qt::ToolTipRole).toString();
        const QString label = m_model->headerData(section, Qt::Horizontal).toString();
        menu.addAction(tr("&Remove “%1”").arg(label), this, [this, field] { removeField(field); });
    }
    menu.exec(header->mapToGlobal(pos));
}

QString EstatePage::countText() const
{
    return m_count->text();
}

void EstatePage::focusSearch()
{
    m_search->setFocus(Qt::ShortcutFocusReason);
    m_search->selectAll();
}

void EstatePage::applyQuery()
{
    m_typing->stop();
    EstateQuery query = m_model->query();
    query.text = m_search->text();
    const QString vendor = m_vendor->currentData().toString();
    query.vendors = vendor.isEmpty() ? QStringList() : QStringList {vendor};
    const QStringList account = m_account->currentData().toStringList();
    query.sources.clear();
    if (account.size() == 2)
        query.sources = {{account.at(0), account.at(1)}};
    query.tag = m_tag->text().trimmed();
    const int days = m_changed->currentData().toInt();
    query.changedSince = days > 0 ? QDateTime::currentDateTimeUtc().addDays(-days) : QDateTime();
    query.removed = m_removed->isChecked();
    query.unused = m_unused->isChecked();
    m_model->setQuery(query);
}

void EstatePage::updateCount()
{
    if (!m_store)
        return;
    if (!m_model->errorText().isEmpty()) {
        m_count->setText(tr("The search failed"));
        m_count->setToolTip(m_model->errorText());
        emit statusMessage(m_model->errorText(), 8000);
        return;
    }
    m_count->setToolTip({});
    if (m_model->total() < 0) {
        m_count->setText(tr("Counting…"));
        return;
    }
    const qint64 total = m_model->total();
    m_count->setText(total == 1 ? tr("1 segment") : tr("%1 segments").arg(QLocale().toString(total)));
}

void EstatePage::showCurrent()
{
    const EstateRow *row = m_model->row(m_table->currentIndex().row());
    if (!row || !m_store) {
        m_details->clear();
        return;
    }
    const Result<QByteArray> record = m_store->storedRecord(row->id);
    if (!record) {
        emit statusMessage(record.error().message, 8000);
        m_details->clear();
        return;
    }
    Profile profile = m_lookup ? m_lookup(row->source.profile) : Profile();
    if (profile.name.isEmpty()) {
        profile.name = row->source.profile;
        profile.vendor = row->vendor;
    }
    m_details->setSegment(vendorById(row->vendor), profile, record.value());
}

} // namespace sb
