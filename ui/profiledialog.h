#pragma once

#include "core/profile.h"

#include <QDialog>

#include <functional>

QT_BEGIN_NAMESPACE
class QLabel;
class QProgressBar;
class QPushButton;
QT_END_NAMESPACE

namespace sb {

class ConnectionTest;
class ProfileForm;
class ProfileList;
class ProfileStore;
class SecretStore;
struct Error;

// The profile editor: the list of profiles on the left (ProfileList, with a warning where a
// stored token is near or past its expiry), a form for one profile on the right (ProfileForm),
// and "Test connection" (ConnectionTest). The dialog saves, deletes and reverts, asks before
// unsaved edits are dropped, and wires the parts together.
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
    QString currentName() const;

    // The form's inline message (validation and save errors); empty when all is well.
    QString message() const;
    // The test connection's outcome ("Connected: ..." or the vendor's message).
    QString testResult() const;
    // The list's warning for a profile (its tooltip); empty when none.
    QString listWarning(const QString &name) const;
    bool isBusy() const;

public slots:
    // Asks first when the form has unsaved changes (Escape, Close, the window's close button).
    void reject() override;

signals:
    // After a profile and its secret are saved (added, changed or renamed to `name`).
    void profileSaved(const QString &name);
    void profileRemoved(const QString &name);
    // A saved profile's name changed (before profileSaved for the new name).
    void profileRenamed(const QString &from, const QString &to);

private:
    void buildUi();
    QWidget *buildEditor(QWidget *parent); // the form with Save, Revert and Test connection
    void onChosen(const QString &name);
    // Shows `profile` in the form and the list, not as an edit (see ProfileForm::loadProfile).
    void showProfile(const Profile &profile, const QString &savedName, const QString &secretSource = {});
    // Runs `proceed` now when nothing is unsaved; otherwise after the user agrees to discard the edits.
    void afterConfirmingDiscard(const std::function<void()> &proceed);
    void updateButtons();
    void setDirty(bool dirty);
    QString copyName(const QString &name) const;

    void duplicateProfile();
    void confirmDelete();
    void deleteProfile(const QString &name);
    void save();
    void saveNew(const Profile &profile, const QString &secret);
    void saveExisting(const Profile &profile, const QString &secret);
    void finishSave(const QString &name, const Error &error);
    void revert();
    void testConnection();
    void discoverScopes(); // "List projects": every project and environment the secret reaches

    ProfileStore *m_store;
    SecretStore *m_secrets;

    QLabel *m_keychainNote = nullptr;
    ProfileList *m_list = nullptr;
    ProfileForm *m_form = nullptr;
    QPushButton *m_saveButton = nullptr;
    QPushButton *m_revertButton = nullptr;
    QPushButton *m_testButton = nullptr;
    QPushButton *m_cancelTestButton = nullptr;
    QProgressBar *m_testBusy = nullptr;
    QLabel *m_testResult = nullptr;
    ConnectionTest *m_test = nullptr;
    QObject *m_discovery = nullptr; // the ScopeDiscovery in progress
    quint64 m_discoveryGeneration = 0; // a later request or another profile drops an earlier answer

    bool m_dirty = false;
    bool m_saving = false;
};

} // namespace sb
