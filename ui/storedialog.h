#pragma once

#include "store/storelocation.h"

#include <QDialog>

#include <functional>

QT_BEGIN_NAMESPACE
class QCheckBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QRadioButton;
class QSpinBox;
QT_END_NAMESPACE

namespace sb {

struct Error;

// File > Segment Store…: where the syncs are kept, this computer's file or a team's catalog on
// PostgreSQL (host, port, database, user, its password for the keychain, and whether the server's
// certificate is checked, which it must be for anything but this machine). Test Connection, and
// Use This Store, open the store in a thread of their own (a catalog's tables are made there the
// first time); the dialog is chosen only once the store opens.
//
// Widgets have objectNames for tests: localRadio, catalogRadio, hostEdit, portSpin, databaseEdit,
// userEdit, passwordEdit, verifyCheck, urlLabel, testButton, testResult, overrideNote.
class StoreDialog final : public QDialog
{
    Q_OBJECT

public:
    // `current`: the store in use; `localPath`: this computer's file; `overriddenBy`: what chose the
    // store before the settings (--store or SEGMENT_BROWSER_STORE), empty when nothing did.
    StoreDialog(const StoreLocation &current, const QString &localPath, const QString &overriddenBy,
                QWidget *parent = nullptr);
    ~StoreDialog() override;

    // Where a catalog's password is kept (the keychain), for an empty password field: the store in
    // use keeps its password there, and the field need not be filled again.
    void setStoredPassword(std::function<QString(const StoreLocation &)> lookup)
    {
        m_storedPassword = std::move(lookup);
    }

    // The store the fields name, or why they name none.
    Result<StoreLocation> location() const;
    QString testResult() const;
    bool isTesting() const { return m_testing; }

signals:
    // Use This Store, once it opened: the store and the catalog's password (empty for a file).
    void chosen(const sb::StoreLocation &location, const QString &password);

private:
    void updateFields();
    // Opens the store the fields name in a thread; `thenUse`: chosen() and close when it opens.
    void test(bool thenUse);
    void showResult(const Error &error, bool thenUse, const StoreLocation &location, const QString &password);

    QString m_localPath;
    QRadioButton *m_local;
    QRadioButton *m_catalog;
    QLineEdit *m_host;
    QSpinBox *m_port;
    QLineEdit *m_database;
    QLineEdit *m_user;
    QLineEdit *m_password;
    QCheckBox *m_verify;
    QLabel *m_url;
    QPushButton *m_test;
    QLabel *m_result;
    QDialogButtonBox *m_buttons;
    QList<QWidget *> m_catalogFields;
    std::function<QString(const StoreLocation &)> m_storedPassword;
    bool m_testing = false;
    bool m_wasLoopback = true; // the host as the certificate check last followed it
};

} // namespace sb
