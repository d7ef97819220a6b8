#pragma once

#include "compare/comparison.h"
#include "core/profile.h"

#include <QDialog>
#include <QPointer>
#include <QSet>

#include <memory>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
QT_END_NAMESPACE

namespace sb {

class ComparisonModel;
class DetailPane;
class PageFetcher;
class PageStream;
class ProfileSession;
class SegmentStore;

// View > Compare…: two profiles of one vendor (two LaunchDarkly environments, two accounts), each
// live or as one of its syncs kept in the store (two syncs of one source: what changed between), matched by key with
// the vendor's content rule. Counts per kind at the top, the segments only in A, only in B and different (identical
// ones on request), and for the selected one its two records side by side in the details pane, changed lines marked. A
// side that cannot be read is an error, never half a comparison. Export writes the same CSV as `segment-browser diff`.
//
// Widgets have objectNames for tests: compareA, compareB, compareVersionA, compareVersionB,
// compareButton, compareSummary, compareStatus, compareShowIdentical, compareExport, compareTable.
class CompareDialog final : public QDialog
{
    Q_OBJECT

public:
    // Neither is owned; `store` may be null (live only).
    CompareDialog(ProfileSession *session, SegmentStore *store, QWidget *parent = nullptr);
    ~CompareDialog() override;

    // The profiles on offer again (after the list changed); keeps the choices that remain.
    void refreshProfiles();
    // Chooses A and B (profile names, and for a profile whose token reaches several places, a
    // "project/environment" of it; empty: the profile's own) and whether each is its last sync
    // (when the store has one) rather than live. An empty `b` leaves B as it is.
    void setSides(const QString &a, const QString &b, bool storedA = false, bool storedB = false,
                  const QString &scopeA = {}, const QString &scopeB = {});
    // One source against itself: A its sync before the last (live when it has one sync), B its last.
    void compareLastTwoSyncs(const QString &profile, const QString &scope = {});
    // Chooses one stored sync (SyncRun::id), or -1 live, for a side (0: A); false when not listed.
    bool selectVersion(int side, qint64 run);
    // A side's versions: Live (-1), then the source's successful syncs newest first (their run ids).
    QComboBox *versionCombo(int side) const;
    void compare();
    bool isRunning() const { return m_running; }
    // "3 only in A · 2 only in B · 5 different · 90 identical"; empty before a comparison ends.
    QString summary() const;
    QString status() const; // progress, or why the comparison failed
    ComparisonCounts counts() const { return m_counts; } // of the last comparison that ended
    ComparisonModel *model() const { return m_model; }
    QTableView *table() const { return m_table; }
    DetailPane *details() const { return m_details; }
    // The differences as CSV (status,key,name_a,name_b,fields), as the command line writes them.
    Error exportTo(const QString &path) const;

signals:
    void finished();
    void failed(const sb::Error &error);

protected:
    void changeEvent(QEvent *event) override;

private:
    // The profile a side names, with the place chosen in place of its own.
    Result<Profile> chosenProfile(int side) const;
    void refreshVersions(int side);
    void discoverScopes(); // the other places of each scoped profile, added to the lists as found
    void addScopes(const Profile &profile, const QList<ScopeGroup> &groups, QComboBox *combo);
    Result<Profile> profileNamed(const QString &name) const;
    // The entry of a profile's place in a side's list, added beneath the profile when discovery
    // has not listed it (yet); the profile's own entry for its own place; -1 without the profile.
    int entryFor(QComboBox *combo, const QString &profile, const QString &scope);
    void readSide(int side);
    void readLive(int side, const Profile &profile, const QString &secret);
    void sideDone(int side);
    void fail(int side, const Error &error);
    void showCurrent();
    void exportAs();
    void updateButtons();

    ProfileSession *m_session;
    SegmentStore *m_store;
    QComboBox *m_a;
    QComboBox *m_b;
    QComboBox *m_versionA;
    QComboBox *m_versionB;
    QPushButton *m_compare;
    QLabel *m_summary;
    QLabel *m_status;
    QCheckBox *m_showIdentical;
    QPushButton *m_export;
    QTableView *m_table;
    ComparisonModel *m_model;
    DetailPane *m_details;

    bool m_running = false;
    quint64 m_generation = 0;
    Profile m_profiles[2];
    qint64 m_versions[2] = {-1, -1}; // per side: -1 live, else the stored sync's run id
    const VendorApi *m_vendor = nullptr;
    std::unique_ptr<Comparison> m_comparison;
    QPointer<PageFetcher> m_fetcher;
    ComparisonCounts m_counts;
    QSet<QString> m_discovered; // profiles whose places were listed (or asked for) this session
    QHash<QString, QList<ScopeGroup>> m_scopeGroups; // the places found, by profile
};

} // namespace sb
