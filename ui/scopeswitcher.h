#pragma once

#include "core/error.h"
#include "core/profile.h"
#include "core/vendorapi.h"
#include "net/accountwalk.h"

#include <QHash>
#include <QPointer>
#include <QWidget>

QT_BEGIN_NAMESPACE
class QComboBox;
class QLabel;
QT_END_NAMESPACE

namespace sb {

// The tool bar's project and environment switcher, for profiles whose secret reaches several
// (VendorApi::scopes(): LaunchDarkly). It shows the profile's own project and environment at
// once, lists every other one the token reaches (discovered once per profile and session), and
// says when the token may not list them (a 403): then the typed keys are all there is.
//
// Widgets have objectNames for tests: scopeGroupCombo, scopeCombo.
class ScopeSwitcher final : public QWidget
{
    Q_OBJECT

public:
    explicit ScopeSwitcher(QWidget *parent = nullptr);
    ~ScopeSwitcher() override;

    // The profile on show; nothing to do for vendors without scopes (the window hides the switcher).
    void setProfile(const VendorApi *vendor, const Profile &profile, const QString &secret);
    // Forget what was discovered for a profile (its token or API root changed).
    void forget(const QString &profileName);
    QComboBox *groupCombo() const { return m_groups; }
    QComboBox *scopeCombo() const { return m_scopes; }
    bool isDiscovering() const { return m_discovery != nullptr; }
    // Why the list is only the profile's own keys; empty when it is complete.
    QString problem() const { return m_problem; }

signals:
    // The user chose another place: the profile's keys for the group and the scope.
    void scopeChosen(const QString &group, const QString &scope);
    // A note for the status bar (the discovery failed, and why).
    void statusMessage(const QString &text, int timeoutMs);

private:
    void fill(); // the combos from m_known (or the profile's own keys)
    void fillScopes(); // the environments of the chosen project
    void onGroupActivated();
    void onScopeActivated();

    QLabel *m_groupLabel;
    QComboBox *m_groups;
    QLabel *m_scopeLabel;
    QComboBox *m_scopes;
    const VendorApi *m_vendor = nullptr;
    Profile m_profile;
    QPointer<ScopeDiscovery> m_discovery;
    QHash<QString, QList<ScopeGroup>> m_known; // by profile name and API root
    QString m_problem;
};

} // namespace sb
