#include "sourcespane.h"
#include "core/timetext.h"

#include "appearance.h"

#include "core/vendorapi.h"
#include "vendors/registry.h"

#include <QHeaderView>
#include <QLocale>
#include <QMenu>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sb {

namespace {

constexpr int kEntryRole = Qt::UserRole + 1;
constexpr int kScopeRole = Qt::UserRole + 2; // an environment's place beneath its profile

QString count(qint64 n)
{
    return QLocale().toString(n);
}

} // namespace

SourcesPane::SourcesPane(QWidget *parent) : QWidget(parent), m_tree(new QTreeWidget(this))
{
    setObjectName(QStringLiteral("sourcesPane"));
    // Never so narrow that a profile's name is a few letters and an ellipsis.
    setMinimumWidth(fontMetrics().averageCharWidth() * 24);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tree->setObjectName(QStringLiteral("sourcesTree"));
    m_tree->setAccessibleName(tr("Sources"));
    m_tree->setColumnCount(3);
    m_tree->setHeaderLabels({tr("Source"), tr("Segments"), tr("Synced")});
    m_tree->header()->setStretchLastSection(false);
    m_tree->header()->setSectionResizeMode(0, QHeaderView::Stretch);
    m_tree->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
    m_tree->header()->setSectionResizeMode(2, QHeaderView::ResizeToContents);
    m_tree->setIndentation(m_tree->fontMetrics().horizontalAdvance(QLatin1Char('M')));
    m_tree->setRootIsDecorated(true);
    m_tree->setUniformRowHeights(true);
    layout->addWidget(m_tree);
    // Ctrl+click adds a second source, to compare the two.
    m_tree->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_tree->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_tree, &QWidget::customContextMenuRequested, this, &SourcesPane::showContextMenu);
    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](QTreeWidgetItem *item) {
        if (item && !m_rebuilding)
            emit entryChosen(item->data(0, kEntryRole).toString());
    });
}

void SourcesPane::showContextMenu(const QPoint &pos)
{
    // The profile entries selected (the one under the pointer among them), at most two.
    QList<QTreeWidgetItem *> chosen;
    for (QTreeWidgetItem *item : m_tree->selectedItems()) {
        if (item->data(0, kEntryRole).toString().startsWith(QLatin1String("profile:")))
            chosen.append(item);
    }
    QTreeWidgetItem *under = m_tree->itemAt(pos);
    if (under && !chosen.contains(under))
        chosen = {under};
    if (chosen.isEmpty() || chosen.size() > 2
        || !chosen.constFirst()->data(0, kEntryRole).toString().startsWith(QLatin1String("profile:")))
        return;
    const auto profileOf = [](const QTreeWidgetItem *item) {
        return item->data(0, kEntryRole).toString().mid(int(qstrlen("profile:")));
    };
    const auto scopeOf = [](const QTreeWidgetItem *item) {
        return item->data(0, kScopeRole).toString();
    };
    QMenu menu(m_tree);
    if (chosen.size() == 2) {
        menu.addAction(tr("&Compare These Two"), this, [=, this] {
            emit compareRequested(profileOf(chosen.at(0)), scopeOf(chosen.at(0)), profileOf(chosen.at(1)),
                                  scopeOf(chosen.at(1)));
        });
    } else {
        menu.addAction(tr("&Compare With…"), this, [=, this] {
            emit compareRequested(profileOf(chosen.at(0)), scopeOf(chosen.at(0)), QString(), QString());
        });
        // What the last sync changed against the one before (or what changed since, live).
        const QString profile = profileOf(chosen.at(0));
        const QString scope = scopeOf(chosen.at(0));
        const auto source = std::find_if(m_sources.cbegin(), m_sources.cend(), [&](const SourceInfo &s) {
            return s.key.profile == profile && (scope.isEmpty() || s.key.environment == scope) && s.lastSync.isValid();
        });
        QAction *syncs = menu.addAction(tr("Compare Last Two &Syncs"), this,
                                        [=, this] { emit compareSyncsRequested(profile, scope); });
        syncs->setEnabled(source != m_sources.cend());
    }
    menu.exec(m_tree->viewport()->mapToGlobal(pos));
}

void SourcesPane::setSources(const QList<Profile> &profiles, const QList<SourceInfo> &sources)
{
    m_profiles = profiles;
    m_sources = sources;
    rebuild();
}

void SourcesPane::setSyncProgress(const QString &profile, qint64 rows, qint64 total)
{
    m_progress.insert(profile, {rows, total});
    rebuild();
}

void SourcesPane::clearSyncProgress(const QString &profile)
{
    if (m_progress.remove(profile))
        rebuild();
}

QString SourcesPane::currentEntry() const
{
    const QTreeWidgetItem *item = m_tree->currentItem();
    return item ? item->data(0, kEntryRole).toString() : QString();
}

bool SourcesPane::selectEntry(const QString &entry)
{
    for (QTreeWidgetItemIterator it(m_tree); *it; ++it) {
        if ((*it)->data(0, kEntryRole).toString() == entry) {
            m_rebuilding = true;
            m_tree->setCurrentItem(*it);
            m_rebuilding = false;
            return true;
        }
    }
    return false;
}

QString SourcesPane::describe(const Profile &profile, QString *toolTip) const
{
    // Of the profile's sources (one, or one per environment), the one synced last says how its
    // syncs go.
    const SourceInfo *info = nullptr;
    for (const SourceInfo &s : m_sources) {
        if (s.key.profile != profile.name)
            continue;
        const qint64 run = s.lastRun ? s.lastRun->id : 0;
        if (!info || run > (info->lastRun ? info->lastRun->id : 0))
            info = &s;
    }
    const auto progress = m_progress.constFind(profile.name);
    if (progress != m_progress.cend()) {
        *toolTip = tr("Syncing");
        return progress->second > 0 ? tr("syncing %1 of %2").arg(count(progress->first), count(progress->second))
                                    : tr("syncing %1").arg(count(progress->first));
    }
    if (!info) {
        *toolTip = tr("Never synced: choose it and press Sync (Ctrl+R) to keep its segments here.");
        return tr("never synced");
    }
    const QDateTime local = info->lastSync.toLocalTime();
    const QString when = localDateTimeText(info->lastSync);
    if (info->lastRun && info->lastRun->outcome == SyncRun::Outcome::Failed) {
        *toolTip = when.isEmpty()
            ? tr("The last sync failed: %1").arg(info->lastRun->error)
            : tr("The last sync failed: %1\nShowing the snapshot of %2.").arg(info->lastRun->error, when);
        return tr("sync failed");
    }
    *toolTip = when.isEmpty() ? tr("Never synced") : tr("Synced %1").arg(when);
    if (when.isEmpty())
        return tr("never synced");
    // Today's time alone; an earlier day's date alone: the tool tip has both.
    return local.date() == QDate::currentDate() ? QLocale().toString(local.time(), QLocale::ShortFormat)
                                                : QLocale().toString(local.date(), QLocale::ShortFormat);
}

void SourcesPane::rebuild()
{
    const QString current = currentEntry();
    m_rebuilding = true;
    m_tree->clear();
    qint64 all = 0;
    for (const SourceInfo &s : std::as_const(m_sources))
        all += s.segments;
    auto *allItem = new QTreeWidgetItem(m_tree, {tr("All segments"), count(all)});
    allItem->setData(0, kEntryRole, allEntry());
    allItem->setToolTip(0, tr("Every synced segment of every profile, in one grid"));
    QFont bold = allItem->font(0);
    bold.setBold(true);
    allItem->setFont(0, bold);
    for (const VendorApi *vendor : allVendors()) {
        QList<Profile> own;
        for (const Profile &p : std::as_const(m_profiles))
            if (p.vendor == vendor->id())
                own.append(p);
        if (own.isEmpty())
            continue;
        qint64 vendorCount = 0;
        auto *vendorItem = new QTreeWidgetItem(m_tree, {vendor->shortName(), QString()});
        vendorItem->setToolTip(0, vendor->displayName());
        vendorItem->setData(0, kEntryRole, QString(QStringLiteral("vendor:") + vendor->id()));
        vendorItem->setFont(0, bold);
        for (const Profile &p : std::as_const(own)) {
            qint64 segments = 0;
            QList<const SourceInfo *> environments;
            for (const SourceInfo &s : std::as_const(m_sources)) {
                if (s.key.profile != p.name)
                    continue;
                segments += s.segments;
                if (!s.key.environment.isEmpty())
                    environments.append(&s);
            }
            vendorCount += segments;
            QString toolTip;
            const QString state = describe(p, &toolTip);
            auto *item = new QTreeWidgetItem(vendorItem, {p.name, count(segments), state});
            item->setToolTip(2, toolTip);
            item->setData(0, kEntryRole, QString(QStringLiteral("profile:") + p.name));
            item->setToolTip(0, toolTip);
            item->setData(0, Qt::AccessibleTextRole, tr("%1, %2 segments, %3").arg(p.name, count(segments), state));
            if (state == tr("sync failed"))
                item->setForeground(2, errorColor(palette()));
            for (const SourceInfo *e : std::as_const(environments)) {
                auto *env = new QTreeWidgetItem(item, {e->key.environment, count(e->segments)});
                env->setData(0, kEntryRole, QString(QStringLiteral("profile:") + p.name));
                env->setData(0, kScopeRole, e->key.environment);
            }
        }
        vendorItem->setText(1, count(vendorCount));
    }
    m_tree->expandAll();
    m_rebuilding = false;
    if (!selectEntry(current))
        selectEntry(allEntry());
}

} // namespace sb
