// The window's store: setting it and replacing it (File > Segment Store…), its syncs' Changes
// view, and a profile opened without its key (read only, on its snapshot).
#include "comparedialog.h"
#include "errorbanner.h"
#include "estatepage.h"
#include "mainwindow.h"
#include "profilesession.h"
#include "scopeswitcher.h"
#include "searchbar.h"
#include "segmentbrowser.h"
#include "storedialog.h"
#include "storesession.h"

#include "store/segmentstore.h"

#include "secrets/profilestore.h"
#include "vendors/registry.h"

#include <QAction>
#include <QCoreApplication>
#include <QDialog>
#include <QLabel>
#include <QLocale>
#include <QMessageBox>

namespace sb {

void MainWindow::setSegmentStore(SegmentStore *store)
{
    const QString problem = m_storeSession->setStore(store);
    m_storeNote->setText(problem);
    m_storeNote->setVisible(!problem.isEmpty());
    if (store)
        m_storeLocation = store->location();
    m_store = m_storeSession->isOpen() ? store : nullptr;
    m_estate->setStore(m_store, problem.isEmpty() ? QString() : tr("The segment store is not available"));
    watchSyncs();
    refreshSources();
    updateActions();
}

void MainWindow::setStoreNote(const QString &text)
{
    m_storeNote->setText(text);
    m_storeNote->setVisible(!text.isEmpty());
}

void MainWindow::replaceSegmentStore(SegmentStore *store)
{
    // Nothing may read the old store past this point: its syncs (cancelled, which clears their
    // progress, and their jobs deleted now rather than later), Compare's sides, an export's
    // options (Export All of a snapshot reads it), the snapshot on show.
    m_storeSession->cancelAll();
    QCoreApplication::sendPostedEvents(nullptr, QEvent::DeferredDelete);
    if (m_compare)
        delete m_compare;
    for (QDialog *options : findChildren<QDialog *>(QStringLiteral("exportOptionsDialog")))
        delete options;
    const QString current = currentProfileName();
    m_browser->close();
    setSegmentStore(store);
    if (!current.isEmpty())
        selectProfileByName(current);
}

void MainWindow::setStoreContext(const QString &localPath, const QString &overriddenBy,
                                 std::function<QString(const StoreLocation &)> storedPassword)
{
    m_localStorePath = localPath;
    m_storeOverride = overriddenBy;
    m_storedPassword = std::move(storedPassword);
    action(QStringLiteral("actionStore"))->setEnabled(true);
}

void MainWindow::openStoreDialog()
{
    auto *dialog =
        new StoreDialog(m_storeLocation, m_localStorePath.isEmpty() ? SegmentStore::defaultPath() : m_localStorePath,
                        m_storeOverride, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setStoredPassword(m_storedPassword);
    connect(dialog, &StoreDialog::chosen, this, &MainWindow::storeChosen);
    dialog->open();
}

void MainWindow::importProfilesFromStore()
{
    ProfileStore *profiles = m_session->profileStore();
    if (!m_store || !profiles)
        return;
    const Result<QList<SharedProfile>> shared = m_store->sharedProfiles();
    if (!shared) {
        QMessageBox::warning(this, tr("Import Profiles"), shared.error().toString());
        return;
    }
    QList<Profile> known;
    QStringList unknown;
    for (const SharedProfile &s : shared.value()) {
        if (vendorById(s.profile.vendor))
            known.append(s.profile);
        else
            unknown.append(s.profile.name);
    }
    const ProfileStore::Import result = profiles->importProfiles(known);
    // Whoever can write to the store chose each address: the key added later goes there.
    QStringList undocumented;
    for (const Profile &p : std::as_const(known)) {
        if (result.added.contains(p.name) && !vendorById(p.vendor)->hasDocumentedHost(p))
            undocumented.append(tr("“%1” (%2)").arg(p.name, p.baseUrl.toDisplayString()));
    }
    QStringList lines;
    const QLocale locale;
    const auto names = [](const QStringList &list) {
        QStringList quoted;
        for (const QString &name : list)
            quoted.append(tr("“%1”").arg(name));
        return quoted.join(tr(", "));
    };
    if (shared.value().isEmpty())
        lines << tr("No profile has synced into this store yet.");
    if (!result.added.isEmpty())
        lines << (result.added.size() == 1
                      ? tr("Imported %1.").arg(names(result.added))
                      : tr("Imported %1 profiles: %2.").arg(locale.toString(result.added.size()), names(result.added)))
              << tr("Their keys are not on this computer: their snapshots open read only. Add a key in File > "
                    "Profiles… to sync one.");
    if (!undocumented.isEmpty())
        lines << tr("Not at an address its vendor documents, so check it before you add a key: %1.")
                     .arg(undocumented.join(tr(", ")));
    if (!result.alreadyHere.isEmpty())
        lines << tr("Here already, and left as they are: %1.").arg(names(result.alreadyHere));
    for (const auto &[name, why] : result.refused)
        lines << tr("“%1” was not imported: %2").arg(name, why);
    if (!unknown.isEmpty())
        lines << tr("Not imported, of a vendor this version does not know: %1.").arg(names(unknown));
    auto *box = new QMessageBox(QMessageBox::Information, tr("Import Profiles"), lines.join(QStringLiteral("\n\n")),
                                QMessageBox::Ok, this);
    box->setObjectName(QStringLiteral("importProfilesResult"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->open();
}

SyncScheduler *MainWindow::syncScheduler() const
{
    return m_storeSession->scheduler();
}

void MainWindow::toggleChanges(bool show)
{
    if (!show) {
        m_browser->hideChanges();
    } else if (!m_storeSession->showChanges()) {
        QSignalBlocker block(action(QStringLiteral("actionChanges")));
        action(QStringLiteral("actionChanges"))->setChecked(false);
    }
}

void MainWindow::onOpenedWithoutSecret(const Profile &profile, const QString &whyNot)
{
    m_searchBar->clear();
    action(QStringLiteral("actionChanges"))->setChecked(false);
    const QString readOnly = m_storeSession->openReadOnly(profile);
    if (readOnly.isEmpty())
        return onWaiting(whyNot, true);
    m_browser->showReadOnly(readOnly);
    m_scopeSwitcher->setVisible(false);
    setWindowTitle(tr("%1 (read only) — Segment Browser").arg(profile.name));
    updateActions();
}

} // namespace sb
