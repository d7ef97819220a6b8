#pragma once

#include "core/profile.h"
#include "profilesession.h"
#include "store/storelocation.h"

#include <QMainWindow>
#include <QPointer>

#include <functional>

QT_BEGIN_NAMESPACE
class QAction;
class QSplitter;
class QStackedWidget;
class QComboBox;
class QLabel;
class QLineEdit;
class QProgressBar;
class QTableView;
QT_END_NAMESPACE

namespace sb {

class DetailPane;
class ErrorBanner;
class EstatePage;
class SourcesPane;
class FilterBuilder;
class ProfileStore;
class ScopeSwitcher;
class CompareDialog;
class SearchBar;
class SecretStore;
class SegmentBrowser;
class SegmentSearchProxy;
class SegmentStore;
class SegmentTableModel;
class StoreSession;
class SyncScheduler;
struct Error;

// The map of the window: who does what, and where new things go.
//
//   MainWindow (this)       actions, menus, tool bar, the profile selector, dialogs, status bar,
//                           window state; asks the others, does not keep their state
//     SourcesPane           the side bar: All segments, then every profile by vendor, with its syncs
//     EstatePage            All segments: the grid across every source, its search and filters
//     ProfileSession        profile and secret stores, secrets read this session, keychain reads
//     StoreSession          the local store: snapshots on open, Sync, Sync All, the Changes view
//     SearchBar             the quick search (Ctrl+F) in the tool bar, over the browser's rows
//     SegmentBrowser        one source: table or placeholder, panes, filter row, banner, retry
//       ScopeSwitcher       the row above the table: the project and environment of a token that
//                           reaches several (the window's, mainwindowtoolbar.cpp), and Unused only
//       ColumnState         the header's columns per vendor, its menu, Add Field
//       ChangesView         what the last sync changed, in place of the table
//       DetailPane          the first pane: one segment in full (or a change's before and after)
//       FilterBuilder       LaunchDarkly's filter and sort, for vendors that filter on the server
//       ErrorBanner         what went wrong, in the vendor's words, with Retry
//   ProfileDialog           File > Profiles… (ProfileList, ProfileForm, ConnectionTest)
//   ExportDialog            File > Export… (startExport)
//   CompareDialog           View > Compare…, and the side bar's Compare (one per window)
//   UiSettings              every QSettings key of the window; appearance.h the palette and tones
//
// A new pane: its widget in SegmentBrowser (addPane), its toggle in createActions() under View.
// A new action: createActions(), enabled in updateActions(); its work in the class it is about.
// A new vendor changes nothing here: see docs/adding-a-vendor.md.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Normal start: profiles and secrets from these stores (not owned; they outlive the window).
    // Probes the keychain first; opens the last used profile.
    void setStores(ProfileStore *profiles, SecretStore *secrets);
    // The demo and tests: these profiles with their secrets, held in memory only; `select` opens
    // first (empty: the first of them).
    void setProfiles(const QList<SessionProfile> &profiles, const QString &select = {});
    void setDemoNote(const QString &note);
    // The local store of snapshots (not owned; it outlives the window). Without one, or with one
    // that did not open, the window browses live only and says why.
    void setSegmentStore(SegmentStore *store);
    // Another store in place of the one on show (File > Segment Store…, once it opened): the
    // window lets go of the old one (which may be deleted afterwards) and opens the profile on
    // show again on the new one.
    void replaceSegmentStore(SegmentStore *store);
    // For File > Segment Store…: this computer's file, what chose the store before the settings
    // (--store, SEGMENT_BROWSER_STORE; empty when nothing did), and a catalog's kept password.
    void setStoreContext(const QString &localPath, const QString &overriddenBy,
                         std::function<QString(const StoreLocation &)> storedPassword);
    // A word about the store above the table (why the chosen one is not the one in use); empty hides it.
    void setStoreNote(const QString &text);
    SyncScheduler *syncScheduler() const;
    void selectProfile(int index);
    bool selectProfileByName(const QString &name);
    QString currentProfileName() const;
    QList<Profile> profiles() const { return m_shownProfiles; }

    SegmentBrowser *browser() const { return m_browser; }
    SourcesPane *sourcesPane() const { return m_sources; }
    EstatePage *estatePage() const { return m_estate; }
    bool showsEstate() const;
    // Shows All segments, as its entry in the side bar does.
    void showAllSegments() { showEntry(QStringLiteral("all")); }
    ProfileSession *session() const { return m_session; }
    ScopeSwitcher *scopeSwitcher() const { return m_scopeSwitcher; }
    CompareDialog *compareDialog() const; // the open one, or null
    // The action of this window named `objectName` ("actionReload", "actionCopy", ...), for tests.
    QAction *action(const QString &objectName) const;
    bool keychainUsable() const;
    QString statusText() const;

    // For tests: the parts of the browser and the search bar.
    SegmentTableModel *model() const;
    SegmentSearchProxy *searchProxy() const;
    QTableView *table() const;
    ErrorBanner *banner() const;
    DetailPane *details() const;
    FilterBuilder *filterBuilder() const;
    QString placeholderText() const;
    QList<int> selectedRows() const;
    QList<int> visibleColumns() const;
    QString selectionAsText() const;
    QLineEdit *searchEdit() const;
    QString searchStatus() const;

signals:
    // File > Segment Store… chose a store that opened; whoever owns the stores replaces it
    // (replaceSegmentStore()) and keeps the catalog's password in the keychain.
    void storeChosen(const sb::StoreLocation &location, const QString &password);

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;
    // Ctrl+E exports from any widget of the window, a text field too (mainwindowtoolbar.cpp).
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createToolBar();
    void refreshIcons();
    void reloadProfiles(const QString &select);
    void onOpened(const Profile &profile, const QString &secret);
    void onWaiting(const QString &text, bool offerEdit);
    void onFailed(const Error &error);
    // The keychain has no key for it: its snapshot read only, if there is one (mainwindowstore.cpp).
    void onOpenedWithoutSecret(const Profile &profile, const QString &whyNot);
    void openStoreDialog();
    // File > Import Profiles from the Store…: the profiles that sync into it, without their keys.
    void importProfilesFromStore();
    void onBrowserStateChanged();
    void updateActions();
    void showNoProfile();
    void openProfiles();
    void onProfileSecretChanged(const QString &name);
    void exportSegments();
    void showAbout();
    void toggleChanges(bool show);
    // The side bar's entry: the estate (all, or one vendor's) or one profile's browser.
    void showEntry(const QString &entry);
    void refreshSources();
    void watchSyncs();
    // View > Compare… (mainwindowtoolbar.cpp): one dialog per window.
    void openCompare();
    // The project and environment switcher (mainwindowtoolbar.cpp).
    void createScopeSwitcher();
    void showScopes(const Profile &profile, const QString &secret);
    void saveWindowState();
    void restoreWindowState();

    ProfileSession *m_session;
    ScopeSwitcher *m_scopeSwitcher = nullptr;
    QPointer<CompareDialog> m_compare;
    SegmentBrowser *m_browser;
    SourcesPane *m_sources;
    EstatePage *m_estate;
    QStackedWidget *m_stack;
    QSplitter *m_estateSplitter;
    SegmentStore *m_store = nullptr;
    StoreLocation m_storeLocation; // of the store set last, opened or not
    QString m_localStorePath;
    QString m_storeOverride;
    std::function<QString(const StoreLocation &)> m_storedPassword;
    QAction *m_searchBarAction = nullptr; // the tool bar's search, for one profile's browser only
    bool m_entryRestored = false;
    StoreSession *m_storeSession;
    SearchBar *m_searchBar;
    QList<Profile> m_shownProfiles; // what the profile combo lists
    QComboBox *m_profileCombo;
    QLabel *m_demoNote;
    QLabel *m_sessionNote;
    QLabel *m_storeNote;
    QLabel *m_syncLabel;
    QLabel *m_statusLabel;
    QProgressBar *m_busy;
};

} // namespace sb
