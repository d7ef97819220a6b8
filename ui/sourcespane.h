#pragma once

#include "core/profile.h"
#include "store/segmentstore.h"

#include <QHash>
#include <QPair>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QTreeWidget;
class QTreeWidgetItem;
QT_END_NAMESPACE

namespace sb {

// The side bar: "All segments" on top, then every profile grouped by vendor, each with its
// segment count and its last sync (synced, syncing with progress, failed with the vendor's words,
// never synced); a profile that covers several environments lists them beneath it. Choosing an
// entry says what to show: the grid across everything, narrowed to a vendor, or one profile.
class SourcesPane final : public QWidget
{
    Q_OBJECT

public:
    // What an entry stands for, as remembered across restarts: "all", "vendor:<id>", "profile:<name>".
    static QString allEntry() { return QStringLiteral("all"); }

    explicit SourcesPane(QWidget *parent = nullptr);

    // The profiles to list and what the store knows of them (sources may be empty: no store).
    void setSources(const QList<Profile> &profiles, const QList<SourceInfo> &sources);
    // A sync of `profile` is running: rows so far and the total (-1: unknown); ended: cleared.
    void setSyncProgress(const QString &profile, qint64 rows, qint64 total);
    void clearSyncProgress(const QString &profile);

    QString currentEntry() const;
    // Selects the entry (without emitting entryChosen); false when there is none such.
    bool selectEntry(const QString &entry);
    QTreeWidget *tree() const { return m_tree; }

signals:
    // The user chose an entry (by click or keyboard).
    void entryChosen(const QString &entry);
    // "Compare" on one or two profile entries (Ctrl+click selects a second): each a profile and, for
    // an environment beneath it, that place ("project/environment"); B empty when only one.
    void compareRequested(const QString &profileA, const QString &scopeA, const QString &profileB,
                          const QString &scopeB);
    // "Compare Last Two Syncs" on a profile entry the store has synced more than once.
    void compareSyncsRequested(const QString &profile, const QString &scope);

private:
    void rebuild();
    void showContextMenu(const QPoint &pos);
    QString describe(const Profile &profile, QString *toolTip) const;

    QTreeWidget *m_tree;
    QList<Profile> m_profiles;
    QList<SourceInfo> m_sources;
    QHash<QString, QPair<qint64, qint64>> m_progress;
    bool m_rebuilding = false;
};

} // namespace sb
