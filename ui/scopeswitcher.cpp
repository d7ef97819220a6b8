#include "scopeswitcher.h"

#include "net/accountwalk.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>

namespace sb {

namespace {

QString knownKey(const Profile &profile)
{
    return profile.name + QLatin1Char('\n') + profile.baseUrl.toString();
}

// The name people read; the key in the item's tooltip.
void addItem(QComboBox *combo, const NamedKey &named)
{
    combo->addItem(named.name.isEmpty() ? named.key : named.name, named.key);
    combo->setItemData(combo->count() - 1, named.key, Qt::ToolTipRole);
}

} // namespace

ScopeSwitcher::ScopeSwitcher(QWidget *parent)
    : QWidget(parent),
      m_groupLabel(new QLabel(this)),
      m_groups(new QComboBox(this)),
      m_scopeLabel(new QLabel(this)),
      m_scopes(new QComboBox(this))
{
    setObjectName(QStringLiteral("scopeSwitcher"));
    m_groups->setObjectName(QStringLiteral("scopeGroupCombo"));
    m_scopes->setObjectName(QStringLiteral("scopeCombo"));
    for (QComboBox *combo : {m_groups, m_scopes}) {
        // A fixed width, so that a long name does not push the quick search off the tool bar; the
        // list itself shows names in full.
        combo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
        combo->setMinimumContentsLength(18);
    }
    m_groupLabel->setBuddy(m_groups);
    m_scopeLabel->setBuddy(m_scopes);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(6, 0, 0, 0);
    layout->addWidget(m_groupLabel);
    layout->addWidget(m_groups);
    layout->addSpacing(6);
    layout->addWidget(m_scopeLabel);
    layout->addWidget(m_scopes);
    connect(m_groups, &QComboBox::activated, this, &ScopeSwitcher::onGroupActivated);
    connect(m_scopes, &QComboBox::activated, this, &ScopeSwitcher::onScopeActivated);
}

ScopeSwitcher::~ScopeSwitcher() = default;

void ScopeSwitcher::setProfile(const VendorApi *vendor, const Profile &profile, const QString &secret)
{
    const bool sameDiscovery = m_vendor == vendor && knownKey(m_profile) == knownKey(profile);
    if (m_discovery && !sameDiscovery) {
        m_discovery->cancel();
        m_discovery->deleteLater();
        m_discovery = nullptr;
    }
    m_vendor = vendor;
    m_profile = profile;
    if (!vendor || !vendor->discoversScopes())
        return;
    const ScopeModel model = vendor->scopes();
    m_groupLabel->setText(model.groupLabel);
    m_scopeLabel->setText(model.scopeLabel);
    m_groups->setAccessibleName(model.groupTitle);
    m_scopes->setAccessibleName(model.scopeTitle);
    if (!sameDiscovery)
        m_problem.clear();
    fill();
    if (m_known.contains(knownKey(profile)) || m_discovery)
        return;
    m_discovery = new ScopeDiscovery(vendor, profile, secret, this);
    const QString key = knownKey(profile);
    connect(m_discovery, &ScopeDiscovery::finished, this, [this, key](const QList<ScopeGroup> &groups) {
        m_discovery->deleteLater();
        m_discovery = nullptr;
        m_known.insert(key, groups);
        m_problem.clear();
        if (knownKey(m_profile) == key)
            fill();
    });
    connect(m_discovery, &ScopeDiscovery::failed, this, [this, key](const Error &error) {
        m_discovery->deleteLater();
        m_discovery = nullptr;
        if (knownKey(m_profile) != key)
            return;
        const ScopeModel model = m_vendor->scopes();
        m_problem = tr("The %1s could not be listed (%2): showing the %3 and %4 typed in the profile.")
                        .arg(model.groupTitle.toLower(), error.toString(), model.groupTitle.toLower(),
                             model.scopeTitle.toLower());
        fill();
        emit statusMessage(m_problem, 15000);
    });
    m_discovery->start();
}

void ScopeSwitcher::forget(const QString &profileName)
{
    for (auto it = m_known.begin(); it != m_known.end();) {
        if (it.key().section(QLatin1Char('\n'), 0, 0) == profileName)
            it = m_known.erase(it);
        else
            ++it;
    }
}

void ScopeSwitcher::fill()
{
    const ScopeModel model = m_vendor->scopes();
    const QString group = m_profile.param(model.groupParam).trimmed();
    QSignalBlocker blockGroups(m_groups);
    m_groups->clear();
    const auto known = m_known.constFind(knownKey(m_profile));
    if (known != m_known.cend()) {
        for (const ScopeGroup &g : *known)
            addItem(m_groups, g.group);
    }
    // The profile's own project, even when the token does not list it.
    if (m_groups->findData(group) < 0 && !group.isEmpty())
        m_groups->insertItem(0, group, group);
    m_groups->setCurrentIndex(m_groups->findData(group));
    const QString tip = m_problem.isEmpty()
        ? (m_discovery ? tr("Listing the %1s…").arg(model.groupTitle.toLower()) : QString())
        : m_problem;
    m_groups->setToolTip(tip);
    m_scopes->setToolTip(tip);
    m_groups->setEnabled(m_groups->count() > 1);
    fillScopes();
}

void ScopeSwitcher::fillScopes()
{
    const ScopeModel model = m_vendor->scopes();
    const QString group = m_groups->currentData().toString();
    const QString scope = m_profile.param(model.scopeParam).trimmed();
    QSignalBlocker blockScopes(m_scopes);
    m_scopes->clear();
    const auto known = m_known.constFind(knownKey(m_profile));
    if (known != m_known.cend()) {
        for (const ScopeGroup &g : *known) {
            if (g.group.key != group)
                continue;
            for (const NamedKey &s : g.scopes)
                addItem(m_scopes, s);
        }
    }
    if (group == m_profile.param(model.groupParam).trimmed() && m_scopes->findData(scope) < 0 && !scope.isEmpty())
        m_scopes->insertItem(0, scope, scope);
    const int at = m_scopes->findData(scope);
    m_scopes->setCurrentIndex(at >= 0 ? at : 0);
    m_scopes->setEnabled(m_scopes->count() > 1 || m_groups->count() > 1);
}

void ScopeSwitcher::onGroupActivated()
{
    fillScopes();
    // Another project: its environment of the same key when it has one, else its first.
    const QString group = m_groups->currentData().toString();
    const QString scope = m_scopes->currentData().toString();
    if (!group.isEmpty() && !scope.isEmpty())
        emit scopeChosen(group, scope);
}

void ScopeSwitcher::onScopeActivated()
{
    const QString group = m_groups->currentData().toString();
    const QString scope = m_scopes->currentData().toString();
    const ScopeModel model = m_vendor->scopes();
    if (!group.isEmpty() && !scope.isEmpty()
        && (group != m_profile.param(model.groupParam).trimmed()
            || scope != m_profile.param(model.scopeParam).trimmed()))
        emit scopeChosen(group, scope);
}

} // namespace sb
