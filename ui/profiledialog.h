#pragma once

#include "core/profile.h"

#include <QDialog>
#include <QHash>
#include <QMap>
#include <QPointer>

#include <functional>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QProgressBar;
class QPushButton;
class QTreeWidget;
class QTreeWidgetItem;
QT_END_NAMESPACE

namespace sb {

class PageFetcher;
class ProfileStore;
class SecretStore;
class VendorApi;
struct Error;
struct Page;

// The profile editor: the list of profiles on the left (with a warning where a stored token
// is near or past its expiry), a form for one profile on the right, and "Test connection".
// Secrets go to and come from `secrets` only, always asynchronously; nothing here blocks.
//
// Widgets have objectNames for tests: profileList, addButton, duplicateButton, deleteButton,
// nameEdit, vendorCombo, baseUrlCombo, field_<ParamKey>, secretEdit, showSecretCheck,
// saveButton, revertButton, testButton, cancelTestButton, testBusy, testResult, messageLabel,
// expiryLabel, keychainNote, confirmDelete (the delete confirmation box).
class ProfileDialog final : public QDialog
{
    Q_OBJECT

public:
    // Neither store is owned; both must outlive the dialog.
    ProfileDialog(ProfileStore *store, SecretStore *secrets, QWidget *parent = nullptr);
    ~ProfileDialog() override;

    void selectProfile(const QString &name); // open on this one
    void startNewProfile(); // open with a blank new profile (first run)
    // Replaces the note shown when keys are kept in memory (the demo says why in its own words).
    void setMemoryNote(const QString &text);
    // The saved profile the form shows; empty while a new one is being entered.
    QString currentName() const { return m_current; }

    // The form's inline message (validation and save errors); empty when all is well.
    QString message() const;
    // The test connection's outcome ("Connected: ..." or the vendor's message).
    QString testResult() const;
    // The list's warning for a profile (its tooltip); empty when none.
    QString listWarning(const QString &name) const;
    bool isBusy() const { return m_saving || m_testing; }

public slots:
    // Asks first when the form has unsaved changes (Escape, Close, the window's close button).
    void reject() override;

signals:
    // After a profile and its secret are saved (added, changed or renamed to `name`).
    void profileSaved(const QString &name);
    void profileRemoved(const QString &name);

private:
    struct FieldEdit
    {
        QString key;
        QLineEdit *edit = nullptr;
        bool required = false;
    };

    void buildUi();
    void reloadList();
    void refreshExpiryWarnings();
    void setListWarning(const QString &name, const QString &warning);
    void onSelectionChanged();
    void markCurrentInList(); // selects the form's saved profile in the list, or nothing for a new one
    // Runs `proceed` now when nothing is unsaved; otherwise after the user agrees to discard the edits.
    void afterConfirmingDiscard(const std::function<void()> &proceed);
    void loadProfile(const Profile &profile, bool isNew);
    void setVendor(const VendorApi *vendor);
    void rebuildFields(const VendorApi *vendor, const QMap<QString, QString> &values);
    void updateUrlSuggestions();
    void updateSecretPlaceholder();
    void updateExpiryLabel();
    void updateButtons();
    void setDirty(bool dirty);
    void showMessage(const QString &message, QWidget *field = nullptr, bool isError = true);

    const VendorApi *currentVendor() const;
    QString fieldValue(const QString &key) const;
    QString urlText() const;
    // The form as a profile (check it with validate() first).
    Profile formProfile() const;
    // The first thing wrong with the form and the widget to fix it in; an empty problem when none.
    // `forSave` adds the checks only saving needs (the name, a secret for a new profile).
    QString validate(bool forSave, QWidget **badField) const;
    // validate(), with the problem shown inline and its field focused; true when there is none.
    bool checkForm(bool forSave);
    QString copyName(const QString &name) const;

    void duplicateProfile();
    void confirmDelete();
    void deleteProfile(const QString &name);
    void save();
    void saveNew(const Profile &profile, const QString &secret);
    void saveExisting(const Profile &profile, const QString &secret);
    void writeSecretThenFinish(const Profile &profile, const QString &secret);
    void finishSave(const QString &name, const Error &error);
    void revert();

    void testConnection();
    void startTest(const Profile &profile, const QString &secret);
    void cancelTest();
    void onTestPage(const Page &page);
    void onTestFailed(const Error &error);
    void endTest(const QString &result);

    ProfileStore *m_store;
    SecretStore *m_secrets;

    QLabel *m_keychainNote = nullptr;
    QLabel *m_storeNote = nullptr;
    QTreeWidget *m_list = nullptr;
    QPushButton *m_addButton = nullptr;
    QPushButton *m_duplicateButton = nullptr;
    QPushButton *m_deleteButton = nullptr;
    QWidget *m_form = nullptr;
    QFormLayout *m_formLayout = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QComboBox *m_vendorCombo = nullptr;
    QComboBox *m_urlCombo = nullptr;
    QList<FieldEdit> m_fields; // the vendor's keys, rebuilt when the vendor changes
    QLabel *m_secretLabel = nullptr;
    QLineEdit *m_secretEdit = nullptr;
    QCheckBox *m_showSecret = nullptr;
    QLabel *m_expiryLabel = nullptr;
    QLabel *m_messageLabel = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_revertButton = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_cancelTestButton = nullptr;
    QProgressBar *m_testBusy = nullptr;
    QLabel *m_testResult = nullptr;

    QString m_current; // the saved profile in the form; empty for a new one
    bool m_isNew = false;
    QString m_secretSource; // a duplicate's original: its secret is copied when none is typed
    QString m_urlTemplate; // the suggestion the URL came from, while it holds "{tenant}"
    bool m_dirty = false;
    bool m_loading = false; // filling the form from a profile: not a user edit
    bool m_saving = false;
    bool m_testing = false;
    QPointer<PageFetcher> m_fetcher;
    quint64 m_testGeneration = 0; // a cancelled test's late secret read is ignored
    QHash<QString, QString> m_warnings; // profile name -> expiry warning
    quint64 m_warningGeneration = 0;
};

} // namespace sb
