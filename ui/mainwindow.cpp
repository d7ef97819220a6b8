#include "mainwindow.h"

#include "appearance.h"
#include "changesview.h"
#include "columnstate.h"
#include "detailpane.h"
#include "errorbanner.h"
#include "estatepage.h"
#include "exportdialog.h"
#include "icons.h"
#include "profiledialog.h"
#include "scopeswitcher.h"
#include "searchbar.h"
#include "secretexpiry.h"
#include "segmentbrowser.h"
#include "settings.h"
#include "sourcespane.h"
#include "wording.h"

#include "core/vendorapi.h"
#include "model/segmenttablemodel.h"
#include "secrets/profilestore.h"
#include "secrets/secretstore.h"
#include "store/segmentstore.h"
#include "store/syncscheduler.h"
#include "storesession.h"
#include "vendors/registry.h"
#include "version.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QComboBox>
#include <QGuiApplication>
#include <QHeaderView>
#include <QLabel>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QProgressBar>
#include <QScreen>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QToolBar>
#include <QVBoxLayout>

namespace sb {

namespace {

QLabel *noteLabel(const QString &objectName, QWidget *parent)
{
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setContentsMargins(8, 4, 8, 4);
    label->setTextFormat(Qt::PlainText);
    label->hide();
    return label;
}

} // namespace

MainWindow::MainWindow(QWidget *parent)
    : QMainWindow(parent),
      m_session(new ProfileSession(this)),
      m_browser(new SegmentBrowser(this)),
      m_sources(new SourcesPane(this)),
      m_estate(new EstatePage(this)),
      m_stack(new QStackedWidget(this)),
      m_estateSplitter(new QSplitter(Qt::Horizontal, this)),
      m_storeSession(new StoreSession(m_browser, m_session, this)),
      m_searchBar(new SearchBar(this)),
      m_profileCombo(new QComboBox(this)),
      m_demoNote(noteLabel(QStringLiteral("demoNote"), this)),
      m_sessionNote(noteLabel(QStringLiteral("sessionNote"), this)),
      m_storeNote(noteLabel(QStringLiteral("storeNote"), this)),
      m_syncLabel(new QLabel(this)),
      m_statusLabel(new QLabel(this)),
      m_busy(new QProgressBar(this))
{
    // Ctrl+E from a text field (eventFilter): every widget's events pass here first.
    qApp->installEventFilter(this);
    setWindowTitle(tr("Segment Browser"));
    setObjectName(QStringLiteral("mainWindow"));

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_demoNote);
    layout->addWidget(m_sessionNote);
    layout->addWidget(m_storeNote);
    // The side bar beside what it chose: the grid across every source, or one profile's browser.
    m_stack->addWidget(m_browser);
    m_stack->addWidget(m_estate);
    m_estateSplitter->setObjectName(QStringLiteral("estateSplitter"));
    m_estateSplitter->addWidget(m_sources);
    m_estateSplitter->addWidget(m_stack);
    m_estateSplitter->setStretchFactor(1, 1);
    m_estateSplitter->setSizes({fontMetrics().horizontalAdvance(QLatin1Char('M')) * 30, 1000});
    layout->addWidget(m_estateSplitter, 1);
    setCentralWidget(central);
    connect(m_sources, &SourcesPane::entryChosen, this, &MainWindow::showEntry);
    m_estate->setProfileLookup([this](const QString &name) {
        for (const Profile &p : std::as_const(m_shownProfiles))
            if (p.name == name)
                return p;
        return Profile();
    });
    connect(m_estate, &EstatePage::statusMessage, statusBar(), &QStatusBar::showMessage);

    m_profileCombo->setAccessibleName(tr("Profile"));
    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    // As wide as its longest entry, within reason; a longer one is elided, and its tooltip is whole.
    m_profileCombo->setMinimumContentsLength(12);
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_profileCombo->setMaximumWidth(fontMetrics().averageCharWidth() * 48);
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, &MainWindow::selectProfile);

    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Loading"));
    m_busy->hide();
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_statusLabel, 1);
    m_syncLabel->setObjectName(QStringLiteral("syncStatus"));
    m_syncLabel->hide();
    statusBar()->addPermanentWidget(m_syncLabel);
    statusBar()->addPermanentWidget(m_busy);

    m_searchBar->setProxy(m_browser->searchProxy());
    connect(m_searchBar, &SearchBar::enterPressed, m_browser, &SegmentBrowser::goToFirstRow);
    connect(m_browser, &SegmentBrowser::searchMovedToServer, m_searchBar, &SearchBar::clear);

    connect(m_session, &ProfileSession::profilesChanged, this,
            [this](const QString &select) { reloadProfiles(select.isEmpty() ? currentProfileName() : select); });
    connect(m_session, &ProfileSession::opened, this, &MainWindow::onOpened);
    connect(m_session, &ProfileSession::waiting, this, &MainWindow::onWaiting);
    connect(m_session, &ProfileSession::openedWithoutSecret, this, &MainWindow::onOpenedWithoutSecret);
    connect(m_session, &ProfileSession::failed, this, &MainWindow::onFailed);
    connect(m_session, &ProfileSession::keychainUnavailable, this, [this](const QString &note) {
        m_sessionNote->setText(note);
        m_sessionNote->show();
    });
    m_browser->setIdleText(tr("No profile yet.\nAdd a profile with the key of a %1 account to browse its segments.")
                               .arg(vendorNameList(ListJoin::Or)));
    connect(m_browser, &SegmentBrowser::stateChanged, this, &MainWindow::onBrowserStateChanged);
    connect(m_browser, &SegmentBrowser::selectionChanged, this, &MainWindow::updateActions);
    connect(m_browser, &SegmentBrowser::editProfileRequested, this, &MainWindow::openProfiles);
    connect(m_browser, &SegmentBrowser::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_storeSession, &StoreSession::statusMessage, statusBar(), &QStatusBar::showMessage);
    connect(m_storeSession, &StoreSession::syncsChanged, this, &MainWindow::onBrowserStateChanged);
    connect(m_storeSession, &StoreSession::syncStatusChanged, this, [this](const QString &text) {
        m_syncLabel->setText(text);
        m_syncLabel->setVisible(!text.isEmpty());
    });
    connect(m_browser, &SegmentBrowser::changesHidden, this,
            [this] { action(QStringLiteral("actionChanges"))->setChecked(false); });

    createActions();
    createToolBar();
    createScopeSwitcher();
    refreshIcons();
    // A first start takes most of the screen, up to 1600 × 1000 (the table is the point of the
    // window), and never more than the screen.
    QSize first(1200, 760);
    if (const QScreen *screen = QGuiApplication::primaryScreen()) {
        first = first.expandedTo(screen->availableSize() * 0.85).boundedTo(QSize(1600, 1000));
        first = first.boundedTo(screen->availableSize());
    }
    resize(first);
    restoreWindowState();
    showNoProfile();
    onBrowserStateChanged();
}

MainWindow::~MainWindow() = default;

// --- actions ----------------------------------------------------------------------------------

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void MainWindow::createActions()
{
    const auto make = [this](QMenu *menu, const QString &text, const QString &name, const QKeySequence &key,
                             const QString &icon, auto slot) {
        QAction *a = menu->addAction(text);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        if (!icon.isEmpty())
            a->setProperty("lineIcon", icon);
        QString tip = text;
        tip.remove(QLatin1Char('&')).remove(QStringLiteral("…"));
        a->setToolTip(key.isEmpty() ? tip : tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a); // shortcuts work while the menu bar is hidden or native
        return a;
    };
    SegmentBrowser *b = m_browser;

    QMenu *file = menuBar()->addMenu(tr("&File"));
    make(file, tr("&Profiles…"), QStringLiteral("actionProfiles"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P),
         QStringLiteral("profiles"), &MainWindow::openProfiles);
    make(file, tr("&Import Profiles from the Store…"), QStringLiteral("actionImportProfiles"), QKeySequence(), {},
         &MainWindow::importProfilesFromStore);
    // Enabled where someone replaces the store it chooses (setStoreContext()): not in the demo.
    make(file, tr("Segment &Store…"), QStringLiteral("actionStore"), QKeySequence(), {}, &MainWindow::openStoreDialog)
        ->setEnabled(false);
    file->addSeparator();
    make(file, tr("&Export…"), QStringLiteral("actionExport"), QKeySequence(Qt::CTRL | Qt::Key_E),
         QStringLiteral("export"), &MainWindow::exportSegments);
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *copy = make(edit, tr("&Copy"), QStringLiteral("actionCopy"), QKeySequence::Copy, QStringLiteral("copy"),
                         [b] { b->copySelection(); });
    QAction *curl =
        make(edit, tr("Copy as c&url"), QStringLiteral("actionCopyCurl"),
             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C), QStringLiteral("terminal"), [b] { b->copyAsCurl(); });
    make(edit, tr("Select &All"), QStringLiteral("actionSelectAll"), QKeySequence::SelectAll, {},
         [b] { b->selectAll(); });
    edit->addSeparator();
    make(edit, tr("&Find in Loaded Rows…"), QStringLiteral("actionFind"), QKeySequence::Find, QStringLiteral("search"),
         [this] { showsEstate() ? m_estate->focusSearch() : m_searchBar->focusSearch(); });
    make(edit, tr("&Filter…"), QStringLiteral("actionFilter"), QKeySequence(Qt::CTRL | Qt::Key_L),
         QStringLiteral("filter"), [b] { b->focusFilter(); });

    QMenu *view = menuBar()->addMenu(tr("&View"));
    make(view, tr("&Reload"), QStringLiteral("actionReload"), QKeySequence(Qt::Key_F5), QStringLiteral("reload"),
         [b] { b->reload(); });
    // The panes beside the table, one toggle each.
    QAction *details = view->addAction(tr("&Details Pane"));
    details->setObjectName(QStringLiteral("actionToggleDetails"));
    details->setCheckable(true);
    details->setChecked(true);
    details->setShortcut(QKeySequence(Qt::Key_F9));
    details->setProperty("lineIcon", QStringLiteral("details"));
    connect(details, &QAction::toggled, this, [b](bool on) { b->setPaneVisible(b->details(), on); });
    connect(b, &SegmentBrowser::paneShown, details, [b, details](QWidget *pane) {
        if (pane == b->details())
            details->setChecked(true);
    });
    addAction(details);
    view->addSeparator();
    make(view, tr("Reset &Columns"), QStringLiteral("actionResetColumns"), QKeySequence(), {},
         [b] { b->columnState()->reset(); });
    make(view, tr("Co&mpare…"), QStringLiteral("actionCompare"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D), {},
         &MainWindow::openCompare);
    view->addSeparator();
    QMenu *appearance = view->addMenu(tr("&Appearance"));
    auto *looks = new QActionGroup(this);
    for (const auto &[look, text] :
         {std::pair {Appearance::System, tr("As the &System")}, std::pair {Appearance::Light, tr("&Light")},
          std::pair {Appearance::Dark, tr("&Dark")}}) {
        QAction *a = appearance->addAction(text);
        a->setObjectName(QStringLiteral("actionAppearance_") + appearanceName(look));
        a->setCheckable(true);
        a->setChecked(currentAppearance() == look);
        looks->addAction(a);
        connect(a, &QAction::triggered, this, [look] {
            applyAppearance(look);
            UiSettings::setAppearance(look);
        });
    }

    QMenu *sync = menuBar()->addMenu(tr("&Sync"));
    make(sync, tr("&Sync Profile"), QStringLiteral("actionSync"), QKeySequence(Qt::CTRL | Qt::Key_R),
         QStringLiteral("sync"), [this] { m_storeSession->syncCurrent(); });
    make(sync, tr("Sync &All Profiles"), QStringLiteral("actionSyncAll"),
         QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R), QStringLiteral("syncall"),
         [this] { m_storeSession->syncAll(); });
    make(sync, tr("&Cancel Syncs"), QStringLiteral("actionCancelSync"), QKeySequence(), QStringLiteral("cancel"),
         [this] { m_storeSession->cancelAll(); });
    sync->addSeparator();
    QAction *changes = make(sync, tr("C&hanges of the Last Sync"), QStringLiteral("actionChanges"),
                            QKeySequence(Qt::CTRL | Qt::Key_H), QStringLiteral("changes"), [] {});
    changes->setCheckable(true);
    connect(changes, &QAction::toggled, this, &MainWindow::toggleChanges);

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Segment Browser"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);

    m_browser->table()->addAction(copy);
    m_browser->table()->addAction(curl);
    updateActions();
}

void MainWindow::refreshIcons()
{
    for (QAction *a : findChildren<QAction *>()) {
        const QString name = a->property("lineIcon").toString();
        if (!name.isEmpty())
            a->setIcon(lineIcon(name, this));
    }
}

void MainWindow::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::PaletteChange)
        refreshIcons(); // the icons take the text colour: redraw them for a dark or light palette
    QMainWindow::changeEvent(event);
}

void MainWindow::updateActions()
{
    const bool hasSource = m_browser->hasSource();
    for (const char *name : {"actionExport", "actionCopyCurl", "actionReload"}) {
        if (QAction *a = action(QLatin1String(name)))
            a->setEnabled(hasSource);
    }
    // All segments exports its grid from the store; what acts on one profile's browser waits.
    if (showsEstate()) {
        if (QAction *a = action(QStringLiteral("actionExport")))
            a->setEnabled(m_store != nullptr);
        for (const char *name : {"actionCopyCurl", "actionReload", "actionCopy", "actionFilter", "actionChanges"}) {
            if (QAction *a = action(QLatin1String(name)))
                a->setEnabled(false);
        }
        if (m_searchBarAction)
            m_searchBarAction->setVisible(false);
        if (QAction *find = action(QStringLiteral("actionFind")))
            find->setText(tr("&Find in All Segments…"));
        return;
    }
    if (m_searchBarAction)
        m_searchBarAction->setVisible(true);
    if (QAction *find = action(QStringLiteral("actionFind")))
        find->setText(tr("&Find in Loaded Rows…"));
    if (QAction *filter = action(QStringLiteral("actionFilter")))
        filter->setEnabled(true);
    if (QAction *a = action(QStringLiteral("actionCopy")))
        a->setEnabled(m_browser->hasSelection());
    const bool storeOpen = m_storeSession->isOpen();
    if (QAction *a = action(QStringLiteral("actionImportProfiles")))
        a->setEnabled(storeOpen && m_session->profileStore() && !m_session->profileStore()->isReadOnly());
    const bool readOnly = m_browser->isReadOnly();
    if (QAction *a = action(QStringLiteral("actionReload")))
        a->setEnabled(hasSource && !readOnly);
    if (QAction *a = action(QStringLiteral("actionSync")))
        a->setEnabled(storeOpen && hasSource && !readOnly
                      && !m_storeSession->isSyncing(m_browser->model()->profile().name));
    if (QAction *a = action(QStringLiteral("actionSyncAll")))
        a->setEnabled(storeOpen && m_profileCombo->count() > 0);
    if (QAction *a = action(QStringLiteral("actionCancelSync")))
        a->setEnabled(m_storeSession->isBusy());
    if (QAction *a = action(QStringLiteral("actionChanges")))
        a->setEnabled(storeOpen && hasSource);
}

void MainWindow::onBrowserStateChanged()
{
    m_busy->setVisible(m_browser->isLoading() || m_storeSession->isBusy());
    m_statusLabel->setText(m_browser->statusText());
    if (!m_browser->hasSource() && m_profileCombo->count() == 0)
        showNoProfile();
    updateActions();
}

// --- profiles ---------------------------------------------------------------------------------

void MainWindow::setStores(ProfileStore *profiles, SecretStore *secrets)
{
    m_session->setStores(profiles, secrets);
}

void MainWindow::setProfiles(const QList<SessionProfile> &profiles, const QString &select)
{
    m_session->setProfiles(profiles, select);
}

bool MainWindow::keychainUsable() const
{
    return m_session->keychainUsable();
}

void MainWindow::reloadProfiles(const QString &select)
{
    const QList<Profile> profiles = m_session->profiles();
    m_shownProfiles = profiles;
    refreshSources();
    {
        QSignalBlocker block(m_profileCombo);
        m_profileCombo->clear();
        for (const Profile &p : profiles) {
            m_profileCombo->addItem(profileTitle(p), p.name);
            m_profileCombo->setItemData(m_profileCombo->count() - 1, profileToolTip(p), Qt::ToolTipRole);
        }
        m_profileCombo->setCurrentIndex(-1);
    }
    int index = m_profileCombo->findData(select);
    if (index < 0 && !profiles.isEmpty())
        index = 0;
    // The same profile, unchanged: keep what is loaded.
    if (index >= 0 && m_browser->hasSource() && profiles.at(index) == m_browser->model()->profile()) {
        QSignalBlocker block(m_profileCombo);
        m_profileCombo->setCurrentIndex(index);
        return;
    }
    selectProfile(index);
}

bool MainWindow::selectProfileByName(const QString &name)
{
    const int index = m_profileCombo->findData(name);
    if (index < 0)
        return false;
    selectProfile(index);
    return true;
}

QString MainWindow::currentProfileName() const
{
    return m_profileCombo->currentData().toString();
}

void MainWindow::setDemoNote(const QString &note)
{
    m_demoNote->setText(note);
    m_demoNote->setVisible(!note.isEmpty());
}

void MainWindow::selectProfile(int index)
{
    if (m_profileCombo->currentIndex() != index) {
        m_profileCombo->setCurrentIndex(index); // comes back here through the signal
        return;
    }
    const QString name = index >= 0 ? m_profileCombo->itemData(index).toString() : QString();
    // Chosen in the tool bar's selector: its browser comes to the front, and the side bar follows.
    if (!name.isEmpty() && m_sources->currentEntry() != QStringLiteral("profile:") + name && !showsEstate())
        m_sources->selectEntry(QStringLiteral("profile:") + name);
    if (!m_session->open(name))
        m_browser->close();
}

void MainWindow::onOpened(const Profile &profile, const QString &secret)
{
    m_searchBar->clear(); // a search belongs to the rows it was typed over
    action(QStringLiteral("actionChanges"))->setChecked(false);
    // The stored snapshot at once, then a sync brings it up to date; without one, live as ever.
    m_storeSession->open(profile, secret);
    showScopes(profile, secret);
    setWindowTitle(tr("%1 — Segment Browser").arg(profile.name));
    updateActions();
}

void MainWindow::onWaiting(const QString &text, bool offerEdit)
{
    m_browser->close();
    m_browser->showPlaceholder(text, offerEdit ? tr("E&dit Profile…") : QString());
}

void MainWindow::onFailed(const Error &error)
{
    m_browser->close();
    m_browser->banner()->showError(error);
}

void MainWindow::showNoProfile()
{
    m_browser->showPlaceholder(m_browser->idleText(), m_profileCombo->count() == 0 ? tr("&Add Profile…") : QString());
}

void MainWindow::openProfiles()
{
    ProfileStore *store = m_session->profileStore();
    SecretStore *secrets = m_session->secretStore();
    if (!store || !secrets)
        return;
    auto *dialog = new ProfileDialog(store, secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &ProfileDialog::profileSaved, this, &MainWindow::onProfileSecretChanged);
    connect(dialog, &ProfileDialog::profileRemoved, this, &MainWindow::onProfileSecretChanged);
    connect(dialog, &ProfileDialog::profileRemoved, m_storeSession, &StoreSession::forgetProfile);
    connect(dialog, &ProfileDialog::profileRenamed, m_storeSession, &StoreSession::renameProfile);
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        // The window keeps the profile it showed; one that showed none (a first run, or its
        // profile was deleted) opens the profile the editor was on.
        const QString name = dialog->currentName();
        if (!name.isEmpty() && !m_browser->hasSource())
            selectProfileByName(name);
    });
    if (!secrets->isPersistent() && m_session->keychainUsable())
        dialog->setMemoryNote(tr("These profiles are for this session only: their keys are kept in memory and "
                                 "forgotten when Segment Browser closes."));
    if (store->profiles().isEmpty())
        dialog->startNewProfile();
    else
        dialog->selectProfile(currentProfileName());
    dialog->open();
}

void MainWindow::onProfileSecretChanged(const QString &name)
{
    // The key may have changed with the profile: read it again when it is next needed.
    m_session->forgetSecret(name);
    m_scopeSwitcher->forget(name);
    if (name == currentProfileName())
        selectProfile(m_profileCombo->currentIndex());
}

// --- dialogs ----------------------------------------------------------------------------------

void MainWindow::exportSegments()
{
    if (showsEstate()) {
        m_estate->exportRows();
        return;
    }
    SegmentTableModel *model = m_browser->model();
    if (!model->vendor())
        return;
    const QString warning = secretExpiryWarning(*model->vendor(), model->secret(), QDateTime::currentDateTime());
    startExport(this, model, m_browser->selectedRows(), m_browser->visibleColumns(), warning);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Segment Browser"),
                       tr("<h3>Segment Browser %1</h3><p>Browse, filter and export the segments of %2 "
                          "accounts.</p><p>Keys are kept in the system keychain.</p>")
                           .arg(QString::fromLatin1(kVersion), vendorNameList(ListJoin::And).toHtmlEscaped()));
}

// --- window state -----------------------------------------------------------------------------

void MainWindow::saveWindowState()
{
    UiSettings::setWindowGeometry(saveGeometry());
    UiSettings::setWindowState(saveState());
    UiSettings::setSplitterState(m_browser->saveSplitterState());
    UiSettings::setEstateSplitterState(m_estateSplitter->saveState());
    m_estate->saveLayout();
    m_browser->columnState()->save();
}

void MainWindow::restoreWindowState()
{
    restoreGeometry(UiSettings::windowGeometry());
    restoreState(UiSettings::windowState());
    m_browser->restoreSplitterState(UiSettings::splitterState());
    m_estateSplitter->restoreState(UiSettings::estateSplitterState());
    m_estate->restoreLayout();
    action(QStringLiteral("actionToggleDetails"))->setChecked(m_browser->isPaneShown(m_browser->details()));
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    event->accept();
}

// --- for tests --------------------------------------------------------------------------------

QString MainWindow::statusText() const
{
    return m_statusLabel->text();
}
SegmentTableModel *MainWindow::model() const
{
    return m_browser->model();
}
SegmentSearchProxy *MainWindow::searchProxy() const
{
    return m_browser->searchProxy();
}
QTableView *MainWindow::table() const
{
    return m_browser->table();
}
ErrorBanner *MainWindow::banner() const
{
    return m_browser->banner();
}
DetailPane *MainWindow::details() const
{
    return m_browser->details();
}
FilterBuilder *MainWindow::filterBuilder() const
{
    return m_browser->filterBuilder();
}
QString MainWindow::placeholderText() const
{
    return m_browser->placeholderText();
}
QList<int> MainWindow::selectedRows() const
{
    return m_browser->selectedRows();
}
QList<int> MainWindow::visibleColumns() const
{
    return m_browser->visibleColumns();
}
QString MainWindow::selectionAsText() const
{
    return m_browser->selectionAsText();
}
QLineEdit *MainWindow::searchEdit() const
{
    return m_searchBar->edit();
}
QString MainWindow::searchStatus() const
{
    return m_searchBar->statusText();
}

} // namespace sb
