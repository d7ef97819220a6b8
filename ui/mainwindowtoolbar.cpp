// MainWindow's tool bar, and its part in browsing every project and environment of one profile:
// the switcher in the tool bar, and the choice remembered in the profile.

#include "comparedialog.h"
#include "mainwindow.h"
#include "profilesession.h"
#include "scopeswitcher.h"
#include "searchbar.h"
#include "segmentbrowser.h"
#include "sourcespane.h"

#include "model/segmenttablemodel.h"
#include "store/segmentstore.h"
#include "vendors/registry.h"

#include <QAction>
#include <QComboBox>
#include <QKeyEvent>
#include <QLabel>
#include <QStatusBar>
#include <QToolBar>

namespace sb {

void MainWindow::createToolBar()
{
    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    auto *label = new QLabel(tr("&Profile:"), bar);
    label->setBuddy(m_profileCombo);
    label->setContentsMargins(4, 0, 4, 0);
    bar->addWidget(label);
    bar->addWidget(m_profileCombo);
    bar->addAction(action(QStringLiteral("actionProfiles")));
    bar->addSeparator();
    bar->addAction(action(QStringLiteral("actionReload")));
    bar->addAction(action(QStringLiteral("actionSync")));
    bar->addAction(action(QStringLiteral("actionSyncAll")));
    bar->addAction(action(QStringLiteral("actionCancelSync")));
    bar->addAction(action(QStringLiteral("actionChanges")));
    bar->addAction(action(QStringLiteral("actionExport")));
    bar->addSeparator();
    bar->addAction(action(QStringLiteral("actionToggleDetails")));
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    m_searchBarAction = bar->addWidget(m_searchBar);
}

CompareDialog *MainWindow::compareDialog() const
{
    return m_compare;
}

bool MainWindow::eventFilter(QObject *watched, QEvent *event)
{
    // A text field takes Ctrl+E for itself (the end of its line): in this window, it is Export.
    if (event->type() == QEvent::ShortcutOverride) {
        const auto *key = static_cast<QKeyEvent *>(event);
        const auto *widget = qobject_cast<QWidget *>(watched);
        if (widget && widget->window() == this
            && key->keyCombination() == QKeyCombination(Qt::ControlModifier, Qt::Key_E))
            return true; // not taken by the field: the window's shortcut runs
    }
    return QMainWindow::eventFilter(watched, event);
}

void MainWindow::openCompare()
{
    if (!m_compare) {
        m_compare = new CompareDialog(m_session, m_store && m_store->isOpen() ? m_store : nullptr, this);
        m_compare->setAttribute(Qt::WA_DeleteOnClose);
        // A is the profile on show.
        m_compare->setSides(currentProfileName(), currentProfileName());
    } else {
        m_compare->refreshProfiles();
    }
    m_compare->show();
    m_compare->raise();
    m_compare->activateWindow();
}

void MainWindow::createScopeSwitcher()
{
    // The side bar's Compare (on one source, or two chosen with Ctrl+click) opens the comparison.
    connect(m_sources, &SourcesPane::compareRequested, this,
            [this](const QString &a, const QString &scopeA, const QString &b, const QString &scopeB) {
                openCompare();
                m_compare->setSides(a, b, false, false, scopeA, scopeB);
            });
    connect(m_sources, &SourcesPane::compareSyncsRequested, this, [this](const QString &profile, const QString &scope) {
        openCompare();
        m_compare->compareLastTwoSyncs(profile, scope);
        m_compare->compare();
    });
    m_scopeSwitcher = new ScopeSwitcher(this);
    m_scopeSwitcher->hide();
    // Above the table, where the filter is: the place whose segments show.
    m_browser->setScopeBar(m_scopeSwitcher);
    connect(m_scopeSwitcher, &ScopeSwitcher::statusMessage, this,
            [this](const QString &text, int timeoutMs) { statusBar()->showMessage(text, timeoutMs); });
    connect(m_scopeSwitcher, &ScopeSwitcher::scopeChosen, this, [this](const QString &group, const QString &scope) {
        const VendorApi *vendor = m_browser->model()->vendor();
        if (!vendor || !vendor->discoversScopes())
            return;
        Profile profile = m_browser->model()->profile();
        profile.params.insert(vendor->scopes().groupParam, group);
        profile.params.insert(vendor->scopes().scopeParam, scope);
        // Remembered in the profile: the window opens there next time, and so do sync and export.
        if (const Error e = m_session->updateAndOpen(profile); e.isError())
            statusBar()->showMessage(tr("Could not switch: %1").arg(e.message), 15000);
    });
}

void MainWindow::showScopes(const Profile &profile, const QString &secret)
{
    const VendorApi *vendor = vendorById(profile.vendor);
    m_scopeSwitcher->setVisible(vendor && vendor->discoversScopes());
    m_scopeSwitcher->setProfile(vendor, profile, secret);
}

} // namespace sb
