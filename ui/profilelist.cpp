#include "profilelist.h"

#include "formwidgets.h"
#include "secretexpiry.h"

#include "core/vendorapi.h"
#include "secrets/profilestore.h"
#include "secrets/secretstore.h"
#include "vendors/registry.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sb {

namespace {

constexpr int nameRole = Qt::UserRole;

} // namespace

ProfileList::ProfileList(ProfileStore *store, SecretStore *secrets, QWidget *parent)
    : QWidget(parent), m_store(store), m_secrets(secrets), m_tree(new QTreeWidget(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_tree->setObjectName(QStringLiteral("profileList"));
    m_tree->setAccessibleName(tr("Profiles"));
    m_tree->setColumnCount(2);
    m_tree->setHeaderLabels({tr("Name"), tr("Vendor")});
    m_tree->setRootIsDecorated(false);
    m_tree->setUniformRowHeights(true);
    // Names are what the user picks by: they get their full width, the vendor the rest.
    m_tree->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_tree->header()->setStretchLastSection(true);
    layout->addWidget(m_tree, 1);
    auto *buttons = new QHBoxLayout;
    m_addButton = formButton(tr("&Add"), QStringLiteral("addButton"), this);
    m_duplicateButton = formButton(tr("D&uplicate"), QStringLiteral("duplicateButton"), this);
    m_deleteButton = formButton(tr("&Delete…"), QStringLiteral("deleteButton"), this);
    for (QPushButton *b : {m_addButton, m_duplicateButton, m_deleteButton})
        buttons->addWidget(b);
    buttons->addStretch();
    layout->addLayout(buttons);

    connect(m_tree, &QTreeWidget::currentItemChanged, this, [this](const QTreeWidgetItem *item) {
        if (item)
            emit chosen(item->data(0, nameRole).toString());
    });
    connect(m_addButton, &QPushButton::clicked, this, &ProfileList::addClicked);
    connect(m_duplicateButton, &QPushButton::clicked, this, &ProfileList::duplicateClicked);
    connect(m_deleteButton, &QPushButton::clicked, this, &ProfileList::deleteClicked);
    connect(m_store, &ProfileStore::changed, this, &ProfileList::reload);
    reload();
}

void ProfileList::reload()
{
    {
        const QSignalBlocker blocker(m_tree);
        m_tree->clear();
        for (const Profile &p : m_store->profiles()) {
            const VendorApi *vendor = vendorById(p.vendor);
            auto *item = new QTreeWidgetItem(m_tree, {p.name, vendor ? vendor->displayName() : p.vendor});
            item->setData(0, nameRole, p.name);
            if (!m_current.isEmpty() && p.name == m_current)
                m_tree->setCurrentItem(item);
        }
    }
    // The marks known so far stay until the secrets are read again; a profile gone takes its own.
    const QHash<QString, QString> known = m_warnings;
    m_warnings.clear();
    for (auto it = known.cbegin(); it != known.cend(); ++it) {
        if (m_store->contains(it.key()))
            setWarning(it.key(), it.value());
    }
    refreshExpiryWarnings();
}

void ProfileList::refreshExpiryWarnings()
{
    const quint64 generation = ++m_warningGeneration;
    for (const Profile &p : m_store->profiles()) {
        const VendorApi *vendor = vendorById(p.vendor);
        if (!vendor)
            continue;
        m_secrets->read(p.secretKey(), this, [this, generation, vendor, name = p.name](const SecretResult &r) {
            if (generation != m_warningGeneration)
                return;
            setWarning(name, r.ok() ? secretExpiryWarning(*vendor, r.secret, QDateTime::currentDateTime()) : QString());
        });
    }
}

void ProfileList::setWarning(const QString &name, const QString &warning)
{
    if (warning.isEmpty())
        m_warnings.remove(name);
    else
        m_warnings.insert(name, warning);
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_tree->topLevelItem(i);
        if (item->data(0, nameRole).toString() != name)
            continue;
        item->setIcon(0, warning.isEmpty() ? QIcon() : style()->standardIcon(QStyle::SP_MessageBoxWarning));
        for (int column = 0; column < 2; ++column) {
            item->setToolTip(column, warning);
            item->setData(column, Qt::AccessibleDescriptionRole, warning);
        }
    }
    emit warningChanged(name, warning);
}

void ProfileList::setCurrent(const QString &name)
{
    m_current = name;
    const QSignalBlocker blocker(m_tree);
    m_tree->setCurrentItem(nullptr);
    m_tree->clearSelection();
    for (int i = 0; i < m_tree->topLevelItemCount(); ++i) {
        if (!name.isEmpty() && m_tree->topLevelItem(i)->data(0, nameRole).toString() == name)
            m_tree->setCurrentItem(m_tree->topLevelItem(i));
    }
}

void ProfileList::setButtonsEnabled(bool add, bool duplicateOrDelete)
{
    m_addButton->setEnabled(add);
    m_duplicateButton->setEnabled(duplicateOrDelete);
    m_deleteButton->setEnabled(duplicateOrDelete);
}

} // namespace sb
