#pragma once

#include "core/profile.h"
#include "core/vendorapi.h"

#include <QList>
#include <QMap>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QComboBox;
class QFormLayout;
class QLabel;
class QLineEdit;
class QPushButton;
QT_END_NAMESPACE

namespace sb {

class ProfileStore;

// One profile's form in the profile editor: its name, vendor, API root (with the vendor's
// suggestions, "{tenant}" filled in from the tenant field), the vendor's own fields (rebuilt when
// the vendor changes), the secret with Show, the secret's expiry and an inline message.
// It checks what is typed; saving and testing are the dialog's.
//
// Widgets have objectNames for tests: nameEdit, vendorCombo, baseUrlCombo, field_<ParamKey>,
// secretEdit, showSecretCheck, expiryLabel, messageLabel.
class ProfileForm final : public QWidget
{
    Q_OBJECT

public:
    // `store` (not owned) tells which names are taken.
    explicit ProfileForm(const ProfileStore *store, QWidget *parent = nullptr);

    // Fills the form, not as a user edit. `savedName` is the stored profile it edits, empty for a
    // new one; a new one with a `secretSource` is saved with that profile's secret unless another is typed.
    void loadProfile(const Profile &profile, const QString &savedName, const QString &secretSource = {});
    QString savedName() const { return m_savedName; }
    void setSavedName(const QString &name) { m_savedName = name; } // a rename went through
    bool isNew() const { return m_savedName.isEmpty(); }
    QString secretSource() const { return m_secretSource; }
    // The warning the list shows for the saved profile, shown while no secret is typed.
    void setStoredWarning(const QString &warning);
    void focusName(bool selectAll = false);

    const VendorApi *currentVendor() const;
    // The form as a profile (check it with validate() first) and the secret typed, if any.
    Profile formProfile() const;
    QString secret() const;
    // The first thing wrong with the form and the widget to fix it in; an empty problem when none.
    // `forSave` adds the checks only saving needs (the name, a secret for a new profile).
    QString validate(bool forSave, QWidget **badField) const;
    // validate(), with the problem shown inline and its field focused; true when there is none.
    bool checkForm(bool forSave);

    // Vendors whose secret reaches several projects and environments (VendorApi::scopes()): their
    // keys are editable lists, filled from what the dialog discovered; typing stays possible. An
    // empty field takes the first project and its first environment.
    void setScopeChoices(const QList<ScopeGroup> &groups);
    // Why nothing could be discovered (or "Listing…"), under the fields; empty hides it.
    void setScopeNote(const QString &note);
    QPushButton *discoverButton() const { return m_discoverButton; }

    // The inline message (validation and save errors); an empty one hides it.
    void showMessage(const QString &message, QWidget *field = nullptr, bool isError = true);
    QString message() const;

signals:
    void edited(); // by the user, not by loadProfile()
    void discoverRequested(); // "List projects": the dialog walks the account with the secret
    void vendorChanged(const sb::VendorApi *vendor); // the user chose another vendor

private:
    struct FieldEdit
    {
        QString key;
        QLineEdit *edit = nullptr;
        bool required = false;
        QWidget *field = nullptr; // the row's widget: the edit, or the combo it belongs to
    };

    void setVendor(const VendorApi *vendor);
    void showVendor(const VendorApi *vendor); // the secret's label
    void rebuildFields(const VendorApi *vendor, const QMap<QString, QString> &values);
    void updateUrlSuggestions();
    void updateSecretPlaceholder();
    void updateExpiryLabel();
    void userEdited();
    QString fieldValue(const QString &key) const;
    QString urlText() const;

    const ProfileStore *m_store;
    QFormLayout *m_formLayout = nullptr;
    QLineEdit *m_nameEdit = nullptr;
    QComboBox *m_vendorCombo = nullptr;
    QComboBox *m_urlCombo = nullptr;
    QList<FieldEdit> m_fields; // the vendor's keys, rebuilt when the vendor changes
    QWidget *m_discoverRow = nullptr; // "List projects" and its note, for vendors with scopes
    QPushButton *m_discoverButton = nullptr;
    QLabel *m_scopeNote = nullptr;
    QList<ScopeGroup> m_scopeChoices;
    void fillScopeChoices(); // the environments of the project typed or chosen
    QLabel *m_secretLabel = nullptr;
    QLineEdit *m_secretEdit = nullptr;
    QCheckBox *m_showSecret = nullptr;
    QLabel *m_expiryLabel = nullptr;
    QLabel *m_messageLabel = nullptr;

    QString m_savedName; // empty for a new profile
    QString m_secretSource; // a duplicate's original: its secret is copied when none is typed
    QString m_storedWarning;
    QString m_urlTemplate; // the suggestion the URL came from, while it holds "{tenant}"
    bool m_loading = false; // filling the form from a profile: not a user edit
};

} // namespace sb
