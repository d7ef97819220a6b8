#pragma once

#include <QHash>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QPushButton;
class QTreeWidget;
QT_END_NAMESPACE

namespace sb {

class ProfileStore;
class SecretStore;

// The profile editor's list: the stored profiles with their vendors, a warning where a stored
// secret is near or past its expiry, and Add, Duplicate and Delete. It follows the store; the
// buttons and a click only say what the user asked for, the dialog does it.
//
// Widgets have objectNames for tests: profileList, addButton, duplicateButton, deleteButton.
class ProfileList final : public QWidget
{
    Q_OBJECT

public:
    // Neither store is owned; both must outlive the list.
    ProfileList(ProfileStore *store, SecretStore *secrets, QWidget *parent = nullptr);

    // Lists the store's profiles again and reads their secrets again for the warnings.
    void reload();
    // Reads the secrets again; answers to an earlier round are dropped.
    void refreshExpiryWarnings();
    // Selects the profile the form shows (no chosen()), or nothing for an empty name.
    void setCurrent(const QString &name);
    void setButtonsEnabled(bool add, bool duplicateOrDelete);
    // A profile's warning (its tooltip); empty when none.
    QString warning(const QString &name) const { return m_warnings.value(name); }

signals:
    void chosen(const QString &name); // the user selected this profile
    void addClicked();
    void duplicateClicked();
    void deleteClicked();
    void warningChanged(const QString &name, const QString &warning);

private:
    void setWarning(const QString &name, const QString &warning);

    ProfileStore *m_store;
    SecretStore *m_secrets;
    QTreeWidget *m_tree;
    QPushButton *m_addButton;
    QPushButton *m_duplicateButton;
    QPushButton *m_deleteButton;
    QString m_current;
    QHash<QString, QString> m_warnings; // profile name -> expiry warning
    quint64 m_warningGeneration = 0;
};

} // namespace sb
