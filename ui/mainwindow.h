#pragma once

#include "core/page.h"
#include "core/profile.h"

#include <QElapsedTimer>
#include <QHash>
#include <QMainWindow>
#include <QPointer>

#include <memory>

QT_BEGIN_NAMESPACE
class QAction;
class QComboBox;
class QLineEdit;
class QLabel;
class QProgressBar;
class QPushButton;
class QSplitter;
class QStackedWidget;
class QTableView;
class QTemporaryDir;
class QTimer;
QT_END_NAMESPACE

namespace sb {

class DetailPane;
class ErrorBanner;
class FilterBuilder;
class MemorySecretStore;
class ProfileStore;
class SecretStore;
class SegmentSearchProxy;
class SegmentTableModel;
struct Error;
struct SecretResult;

// A profile and its secret for this session. The secret stays in memory only.
struct SessionProfile
{
    Profile profile;
    QString secret;
};

// The one window: the profile picker, the filter, the segment table with its detail pane,
// and the actions on them. Profiles come from a ProfileStore and their secrets from a
// SecretStore (the keychain); with no usable keychain, secrets entered now are kept in memory
// for this session only, and the window says so.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    ~MainWindow() override;

    // Normal start: profiles and secrets from these stores (not owned; they outlive the window).
    // Probes the keychain first; opens the last used profile.
    void setStores(ProfileStore *profiles, SecretStore *secrets);
    // The demo and tests: these profiles with their secrets, held in memory only.
    void setProfiles(const QList<SessionProfile> &profiles);
    void setDemoNote(const QString &note);
    void selectProfile(int index);
    bool selectProfileByName(const QString &name);
    QString currentProfileName() const;
    QList<Profile> profiles() const { return m_shownProfiles; }

    SegmentTableModel *model() const { return m_model; }
    SegmentSearchProxy *searchProxy() const { return m_search; }
    QLineEdit *searchEdit() const { return m_searchEdit; }
    QString searchStatus() const;
    QTableView *table() const { return m_table; }
    ErrorBanner *banner() const { return m_banner; }
    DetailPane *details() const { return m_details; }
    FilterBuilder *filterBuilder() const { return m_filter; }
    QString statusText() const;
    QString placeholderText() const;
    bool keychainUsable() const { return m_keychainUsable; }
    // The window's actions by objectName ("actionReload", "actionCopy", ...), for tests.
    QAction *action(const QString &objectName) const;

    // Rows the user selected, as model rows in view order.
    QList<int> selectedRows() const;
    // The visible columns in the order the header shows them.
    QList<int> visibleColumns() const;
    // Tab-separated text of the selected rows with a header line, as Ctrl+C copies it.
    QString selectionAsText() const;

protected:
    void closeEvent(QCloseEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void createActions();
    void refreshIcons();
    void reloadProfiles(const QString &select);
    void onStoreChanged();
    void openProfile(const Profile &profile, const QString &secret);
    void closeSource();
    void onSecretRead(const Profile &profile, quint64 generation, const SecretResult &result);
    void onStateChanged();
    void onRetrying(const Error &reason, int delayMs);
    void onHeaderClicked(int section);
    void updateRetryNotice();
    void updateActions();
    void showPlaceholder(const QString &text, bool offerEdit);
    void showHeaderMenu(const QPoint &pos);
    void addFieldColumn();
    void saveColumns();
    void restoreColumns();
    void resetColumns();
    void copySelection();
    void copyAsCurl();
    void openProfiles();
    void onProfileSecretChanged(const QString &name);
    void exportSegments();
    void showAbout();
    void showCurrentDetails();
    void openDetails();
    void applyQuery(const Query &query);
    void focusFilter();
    void focusSearch();
    void updateSearchStatus();
    int sourceRow(const QModelIndex &viewIndex) const;
    void saveWindowState();
    void restoreWindowState();

    ProfileStore *m_store = nullptr;
    SecretStore *m_secrets = nullptr;
    std::unique_ptr<ProfileStore> m_ownedStore; // setProfiles() keeps its profiles here
    std::unique_ptr<MemorySecretStore> m_sessionSecrets; // when there is no usable keychain
    std::unique_ptr<QTemporaryDir> m_ownedDir; // where m_ownedStore's file lives
    bool m_keychainUsable = true;
    QList<Profile> m_shownProfiles; // what the profile combo lists
    QHash<QString, QString> m_secretCache; // profile name -> secret, this session only
    quint64 m_openGeneration = 0; // a newer profile choice drops an older keychain answer
    QString m_columnsVendor; // whose column state the header shows now

    SegmentTableModel *m_model;
    SegmentSearchProxy *m_search;
    QLineEdit *m_searchEdit;
    QLabel *m_searchStatus;
    QComboBox *m_profileCombo;
    QTableView *m_table;
    QSplitter *m_splitter;
    QStackedWidget *m_stack;
    QWidget *m_placeholderPage;
    QLabel *m_placeholder;
    QPushButton *m_placeholderButton;
    DetailPane *m_details;
    FilterBuilder *m_filter;
    QLabel *m_demoNote;
    QLabel *m_sessionNote;
    QLabel *m_expiryNote;
    ErrorBanner *m_banner;
    QLabel *m_statusLabel;
    QProgressBar *m_busy;
    QTimer *m_retryTimer;
    QElapsedTimer m_retryClock;
    QString m_retryReason;
    int m_retryDelayMs = 0;
};

} // namespace sb
