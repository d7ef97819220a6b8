#include "mainwindow.h"

#include "appearance.h"
#include "detailpane.h"
#include "errorbanner.h"
#include "exportdialog.h"
#include "filterbuilder.h"
#include "icons.h"
#include "model/segmentsearchproxy.h"
#include "model/segmenttablemodel.h"
#include "model/valueformat.h"
#include "net/curlcommand.h"
#include "profiledialog.h"
#include "secretexpiry.h"
#include "secrets/memorysecretstore.h"
#include "secrets/profilestore.h"
#include "secrets/secretstore.h"
#include "vendors/registry.h"
#include "version.h"

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QCloseEvent>
#include <QComboBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMimeData>
#include <QProgressBar>
#include <QPushButton>
#include <QSettings>
#include <QShortcut>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTableView>
#include <QTemporaryDir>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include <algorithm>

namespace sb {

namespace {

const QString kGeometryKey = QStringLiteral("window/geometry");
const QString kStateKey = QStringLiteral("window/state");
const QString kSplitterKey = QStringLiteral("window/splitter");

QString headerKey(const QString &vendor)
{
    return QStringLiteral("columns/") + vendor + QStringLiteral("/header");
}

QString extraFieldsKey(const QString &vendor)
{
    return QStringLiteral("columns/") + vendor + QStringLiteral("/extraFields");
}

// A cell as one line of tab-separated text: tabs and line breaks would split it.
QString tsvCell(QString text)
{
    for (QChar &c : text) {
        if (c == QLatin1Char('\t') || c == QLatin1Char('\n') || c == QLatin1Char('\r'))
            c = QLatin1Char(' ');
    }
    return text;
}

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
      m_model(new SegmentTableModel(this)),
      m_search(new SegmentSearchProxy(this)),
      m_searchEdit(new QLineEdit(this)),
      m_searchStatus(new QLabel(this)),
      m_profileCombo(new QComboBox(this)),
      m_table(new QTableView(this)),
      m_splitter(new QSplitter(Qt::Horizontal, this)),
      m_stack(new QStackedWidget(this)),
      m_placeholderPage(new QWidget(this)),
      m_placeholder(new QLabel(m_placeholderPage)),
      m_placeholderButton(new QPushButton(m_placeholderPage)),
      m_details(new DetailPane(this)),
      m_filter(new FilterBuilder(this)),
      m_demoNote(noteLabel(QStringLiteral("demoNote"), this)),
      m_sessionNote(noteLabel(QStringLiteral("sessionNote"), this)),
      m_expiryNote(noteLabel(QStringLiteral("expiryNote"), this)),
      m_banner(new ErrorBanner(this)),
      m_statusLabel(new QLabel(this)),
      m_busy(new QProgressBar(this)),
      m_retryTimer(new QTimer(this))
{
    setWindowTitle(tr("Segment Browser"));
    setObjectName(QStringLiteral("mainWindow"));

    m_search->setSourceModel(m_model);
    m_table->setModel(m_search);
    m_table->setObjectName(QStringLiteral("segmentTable"));
    m_table->setAccessibleName(tr("Segments"));
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setAlternatingRowColors(true);
    m_table->setWordWrap(false);
    m_table->setTextElideMode(Qt::ElideRight);
    m_table->setContextMenuPolicy(Qt::ActionsContextMenu);
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->verticalHeader()->hide();
    QHeaderView *header = m_table->horizontalHeader();
    header->setStretchLastSection(true);
    header->setSectionsMovable(true);
    header->setDefaultSectionSize(160);
    header->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(header, &QHeaderView::customContextMenuRequested, this, &MainWindow::showHeaderMenu);
    // Sorting is the server's: the header asks the model, and shows an indicator only where it sorts.
    header->setSortIndicatorShown(false);
    header->setSectionsClickable(true);
    connect(header, &QHeaderView::sectionClicked, this, &MainWindow::onHeaderClicked);

    m_placeholder->setAlignment(Qt::AlignCenter);
    m_placeholder->setWordWrap(true);
    m_placeholder->setTextFormat(Qt::PlainText);
    m_placeholder->setObjectName(QStringLiteral("placeholder"));
    m_placeholderButton->setObjectName(QStringLiteral("placeholderButton"));
    m_placeholderButton->setText(tr("&Edit Profile…"));
    m_placeholderButton->hide();
    connect(m_placeholderButton, &QPushButton::clicked, this, &MainWindow::openProfiles);
    auto *placeholderLayout = new QVBoxLayout(m_placeholderPage);
    placeholderLayout->addStretch(1);
    placeholderLayout->addWidget(m_placeholder);
    placeholderLayout->addWidget(m_placeholderButton, 0, Qt::AlignHCenter);
    placeholderLayout->addStretch(1);
    m_stack->addWidget(m_table);
    m_stack->addWidget(m_placeholderPage);

    m_details->setObjectName(QStringLiteral("detailPane"));
    m_filter->setObjectName(QStringLiteral("filterBuilder"));
    m_filter->hide(); // shown for vendors that filter on the server
    connect(m_filter, &FilterBuilder::applied, this, &MainWindow::applyQuery);
    m_splitter->setObjectName(QStringLiteral("splitter"));
    m_splitter->addWidget(m_stack);
    m_splitter->addWidget(m_details);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    m_splitter->setChildrenCollapsible(true);

    auto *central = new QWidget(this);
    auto *layout = new QVBoxLayout(central);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_demoNote);
    layout->addWidget(m_sessionNote);
    layout->addWidget(m_expiryNote);
    layout->addWidget(m_filter);
    layout->addWidget(m_banner);
    layout->addWidget(m_splitter, 1);
    setCentralWidget(central);

    m_profileCombo->setAccessibleName(tr("Profile"));
    m_profileCombo->setObjectName(QStringLiteral("profileCombo"));
    m_profileCombo->setMinimumContentsLength(24);
    m_profileCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_profileCombo, &QComboBox::currentIndexChanged, this, &MainWindow::selectProfile);

    m_busy->setRange(0, 0);
    m_busy->setMaximumWidth(120);
    m_busy->setMaximumHeight(14);
    m_busy->setTextVisible(false);
    m_busy->setAccessibleName(tr("Loading"));
    m_busy->hide();
    m_statusLabel->setObjectName(QStringLiteral("statusLabel"));
    statusBar()->addWidget(m_statusLabel, 1);
    statusBar()->addPermanentWidget(m_busy);

    m_retryTimer->setInterval(1000);
    connect(m_retryTimer, &QTimer::timeout, this, &MainWindow::updateRetryNotice);

    m_searchEdit->setObjectName(QStringLiteral("searchEdit"));
    m_searchEdit->setAccessibleName(tr("Find in loaded rows"));
    m_searchEdit->setPlaceholderText(tr("Find in loaded rows (Ctrl+F)"));
    m_searchEdit->setClearButtonEnabled(true);
    m_searchEdit->setMaximumWidth(280);
    m_searchStatus->setObjectName(QStringLiteral("searchStatus"));
    m_searchStatus->setContentsMargins(6, 0, 6, 0);
    connect(m_searchEdit, &QLineEdit::textChanged, m_search, &SegmentSearchProxy::setSearchText);
    connect(m_searchEdit, &QLineEdit::returnPressed, this, [this] {
        if (m_search->rowCount() > 0) {
            m_table->setFocus();
            m_table->selectRow(0);
        }
    });
    auto *clearSearch = new QShortcut(QKeySequence(Qt::Key_Escape), m_searchEdit, m_searchEdit, &QLineEdit::clear);
    clearSearch->setContext(Qt::WidgetShortcut);
    connect(m_search, &SegmentSearchProxy::searchTextChanged, this, &MainWindow::updateSearchStatus);
    connect(m_search, &QAbstractItemModel::rowsInserted, this, &MainWindow::updateSearchStatus);
    connect(m_search, &QAbstractItemModel::modelReset, this, &MainWindow::updateSearchStatus);
    connect(m_search, &QAbstractItemModel::layoutChanged, this, &MainWindow::updateSearchStatus);
    connect(m_model, &SegmentTableModel::stateChanged, this, &MainWindow::onStateChanged);
    connect(m_model, &SegmentTableModel::rowsInserted, this, &MainWindow::onStateChanged);
    connect(m_model, &SegmentTableModel::retrying, this, &MainWindow::onRetrying);
    connect(m_banner, &ErrorBanner::retryRequested, m_model, &SegmentTableModel::retry);
    connect(m_banner, &ErrorBanner::editProfileRequested, this, &MainWindow::openProfiles);
    connect(m_table->selectionModel(), &QItemSelectionModel::selectionChanged, this, &MainWindow::updateActions);
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &MainWindow::showCurrentDetails);
    connect(m_model, &QAbstractItemModel::modelReset, this, &MainWindow::showCurrentDetails);
    // Enter (or a double click) on a row opens its details.
    connect(m_table, &QAbstractItemView::activated, this, &MainWindow::openDetails);

    createActions();
    resize(1200, 760);
    restoreWindowState();
    onStateChanged();
}

MainWindow::~MainWindow() = default;

QAction *MainWindow::action(const QString &objectName) const
{
    return findChild<QAction *>(objectName);
}

void MainWindow::createActions()
{
    const auto make = [this](QMenu *menu, const QString &text, const QString &name, const QKeySequence &key,
                             auto slot) {
        QAction *a = menu->addAction(text);
        a->setObjectName(name);
        if (!key.isEmpty())
            a->setShortcut(key);
        a->setShortcutContext(Qt::WindowShortcut);
        QString tip = text;
        tip.remove(QLatin1Char('&')).remove(QStringLiteral("…"));
        a->setToolTip(key.isEmpty() ? tip : tr("%1 (%2)").arg(tip, key.toString(QKeySequence::NativeText)));
        connect(a, &QAction::triggered, this, slot);
        addAction(a); // shortcuts work while the menu bar is hidden or native
        return a;
    };

    QMenu *file = menuBar()->addMenu(tr("&File"));
    QAction *profiles = make(file, tr("&Profiles…"), QStringLiteral("actionProfiles"),
                             QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P), &MainWindow::openProfiles);
    profiles->setProperty("lineIcon", QStringLiteral("profiles"));
    file->addSeparator();
    QAction *exportAction = make(file, tr("&Export…"), QStringLiteral("actionExport"),
                                 QKeySequence(Qt::CTRL | Qt::Key_E), &MainWindow::exportSegments);
    exportAction->setProperty("lineIcon", QStringLiteral("export"));
    file->addSeparator();
    QAction *quit = file->addAction(tr("&Quit"), this, &QWidget::close);
    quit->setObjectName(QStringLiteral("actionQuit"));
    quit->setShortcut(QKeySequence::Quit);
    quit->setMenuRole(QAction::QuitRole);

    QMenu *edit = menuBar()->addMenu(tr("&Edit"));
    QAction *copy =
        make(edit, tr("&Copy"), QStringLiteral("actionCopy"), QKeySequence::Copy, &MainWindow::copySelection);
    copy->setProperty("lineIcon", QStringLiteral("copy"));
    make(edit, tr("Copy as c&url"), QStringLiteral("actionCopyCurl"), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_C),
         &MainWindow::copyAsCurl)
        ->setProperty("lineIcon", QStringLiteral("terminal"));
    make(edit, tr("Select &All"), QStringLiteral("actionSelectAll"), QKeySequence::SelectAll,
         [this] { m_table->selectAll(); });
    edit->addSeparator();
    make(edit, tr("&Find in Loaded Rows…"), QStringLiteral("actionFind"), QKeySequence::Find, &MainWindow::focusSearch)
        ->setProperty("lineIcon", QStringLiteral("search"));
    make(edit, tr("&Filter…"), QStringLiteral("actionFilter"), QKeySequence(Qt::CTRL | Qt::Key_L),
         &MainWindow::focusFilter)
        ->setProperty("lineIcon", QStringLiteral("filter"));

    QMenu *view = menuBar()->addMenu(tr("&View"));
    QAction *reload = make(view, tr("&Reload"), QStringLiteral("actionReload"), QKeySequence(Qt::Key_F5), [this] {
        m_model->reload();
        if (m_model->canFetchMore({}))
            m_model->fetchMore({});
    });
    reload->setProperty("lineIcon", QStringLiteral("reload"));
    QAction *details = view->addAction(tr("&Details Pane"));
    details->setObjectName(QStringLiteral("actionToggleDetails"));
    details->setCheckable(true);
    details->setChecked(true);
    details->setShortcut(QKeySequence(Qt::Key_F9));
    details->setProperty("lineIcon", QStringLiteral("details"));
    connect(details, &QAction::toggled, m_details, &QWidget::setVisible);
    addAction(details);
    view->addSeparator();
    make(view, tr("Reset &Columns"), QStringLiteral("actionResetColumns"), QKeySequence(), &MainWindow::resetColumns);
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
            QSettings().setValue(kAppearanceKey, appearanceName(look));
        });
    }

    QMenu *help = menuBar()->addMenu(tr("&Help"));
    QAction *about = help->addAction(tr("&About Segment Browser"), this, &MainWindow::showAbout);
    about->setMenuRole(QAction::AboutRole);

    m_table->addAction(copy);
    m_table->addAction(action(QStringLiteral("actionCopyCurl")));

    QToolBar *bar = addToolBar(tr("Main"));
    bar->setObjectName(QStringLiteral("mainToolBar"));
    bar->setMovable(false);
    auto *label = new QLabel(tr("&Profile:"), bar);
    label->setBuddy(m_profileCombo);
    label->setContentsMargins(4, 0, 4, 0);
    bar->addWidget(label);
    bar->addWidget(m_profileCombo);
    bar->addAction(profiles);
    bar->addSeparator();
    bar->addAction(reload);
    bar->addAction(exportAction);
    bar->addSeparator();
    bar->addAction(details);
    auto *spacer = new QWidget(bar);
    spacer->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Preferred);
    bar->addWidget(spacer);
    bar->addWidget(m_searchStatus);
    bar->addWidget(m_searchEdit);
    refreshIcons();
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
    const bool hasSource = m_model->vendor() != nullptr;
    const bool hasSelection = m_table->selectionModel() && m_table->selectionModel()->hasSelection();
    if (QAction *a = action(QStringLiteral("actionExport")))
        a->setEnabled(hasSource);
    if (QAction *a = action(QStringLiteral("actionCopy")))
        a->setEnabled(hasSelection);
    if (QAction *a = action(QStringLiteral("actionCopyCurl")))
        a->setEnabled(hasSource);
    if (QAction *a = action(QStringLiteral("actionReload")))
        a->setEnabled(hasSource);
}

void MainWindow::setStores(ProfileStore *profiles, SecretStore *secrets)
{
    m_store = profiles;
    m_secrets = secrets;
    connect(m_store, &ProfileStore::changed, this, &MainWindow::onStoreChanged);
    if (m_store->loadError().isError())
        m_banner->showError(m_store->loadError());
    // Ask once whether secrets can be kept at all; without a keychain they stay in memory.
    m_secrets->probe(this, [this](const SecretResult &result) {
        if (result.keychainUnusable()) {
            m_keychainUsable = false;
            m_sessionSecrets = std::make_unique<MemorySecretStore>();
            m_secrets = m_sessionSecrets.get();
            m_sessionNote->setText(tr("%1. Keys you enter are kept in memory for this session only and forgotten "
                                      "when Segment Browser closes.")
                                       .arg(result.error.message));
            m_sessionNote->show();
        }
        reloadProfiles(m_store->lastUsed());
    });
}

void MainWindow::setProfiles(const QList<SessionProfile> &profiles)
{
    if (m_store)
        disconnect(m_store, nullptr, this, nullptr);
    m_ownedDir = std::make_unique<QTemporaryDir>();
    m_ownedStore = std::make_unique<ProfileStore>(m_ownedDir->filePath(QStringLiteral("profiles.ini")));
    m_sessionSecrets = std::make_unique<MemorySecretStore>();
    m_store = m_ownedStore.get();
    m_secrets = m_sessionSecrets.get();
    m_secretCache.clear();
    for (const SessionProfile &p : profiles) {
        m_store->add(p.profile);
        m_secrets->write(p.profile.secretKey(), p.secret);
        m_secretCache.insert(p.profile.name, p.secret);
    }
    connect(m_store, &ProfileStore::changed, this, &MainWindow::onStoreChanged);
    reloadProfiles(profiles.isEmpty() ? QString() : profiles.first().profile.name);
}

void MainWindow::onStoreChanged()
{
    // Remembering the last profile changes the store too; only a changed list matters here.
    if (m_store->profiles() != m_shownProfiles)
        reloadProfiles(currentProfileName());
}

void MainWindow::reloadProfiles(const QString &select)
{
    const QList<Profile> profiles = m_store ? m_store->profiles() : QList<Profile> {};
    m_shownProfiles = profiles;
    {
        QSignalBlocker block(m_profileCombo);
        m_profileCombo->clear();
        for (const Profile &p : profiles) {
            const VendorApi *vendor = vendorById(p.vendor);
            const QString vendorName = vendor ? vendor->displayName() : p.vendor;
            m_profileCombo->addItem(tr("%1 (%2)").arg(p.name, vendorName), p.name);
        }
        m_profileCombo->setCurrentIndex(-1);
    }
    int index = m_profileCombo->findData(select);
    if (index < 0 && !profiles.isEmpty())
        index = 0;
    // The same profile, unchanged: keep what is loaded.
    if (index >= 0 && m_model->vendor() && profiles.at(index) == m_model->profile()) {
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
    ++m_openGeneration;
    m_retryTimer->stop();
    m_banner->clear();
    m_expiryNote->hide();
    const std::optional<Profile> profile =
        m_store && index >= 0 ? m_store->profile(m_profileCombo->itemData(index).toString()) : std::nullopt;
    if (!profile) {
        closeSource();
        return;
    }
    if (!m_store->isReadOnly())
        m_store->setLastUsed(profile->name);
    if (!vendorById(profile->vendor)) {
        closeSource();
        m_banner->showError(
            Error::usage(tr("Unknown vendor '%1' in profile '%2'").arg(profile->vendor, profile->name)));
        return;
    }
    const auto cached = m_secretCache.constFind(profile->name);
    if (cached != m_secretCache.constEnd()) {
        openProfile(*profile, *cached);
        return;
    }
    closeSource();
    showPlaceholder(tr("Reading the key for “%1” from the keychain…").arg(profile->name), false);
    const quint64 generation = m_openGeneration;
    const Profile p = *profile;
    m_secrets->read(p.secretKey(), this,
                    [this, p, generation](const SecretResult &result) { onSecretRead(p, generation, result); });
}

void MainWindow::onSecretRead(const Profile &profile, quint64 generation, const SecretResult &result)
{
    if (generation != m_openGeneration)
        return; // the user has chosen another profile since
    switch (result.status) {
    case SecretResult::Status::Ok:
        m_secretCache.insert(profile.name, result.secret);
        openProfile(profile, result.secret);
        return;
    case SecretResult::Status::NotFound: {
        const VendorApi *vendor = vendorById(profile.vendor);
        showPlaceholder(tr("No %1 is stored for “%2”.\nEnter it in the profile to browse its segments.")
                            .arg(vendor->secretLabel(), profile.name),
                        true);
        return;
    }
    default:
        showPlaceholder(
            tr("The key for “%1” could not be read from the keychain.\n%2").arg(profile.name, result.error.toString()),
            true);
        return;
    }
}

void MainWindow::openProfile(const Profile &profile, const QString &secret)
{
    saveColumns();
    const VendorApi *vendor = vendorById(profile.vendor);
    m_searchEdit->clear(); // a search belongs to the rows it was typed over
    m_model->setSource(vendor, profile, secret);
    restoreColumns();
    m_filter->setSortFields(vendor->sortFields());
    m_filter->setQuery({});
    m_filter->setVisible(vendor->filtersOnServer());
    const QString expiry = secretExpiryWarning(*vendor, secret, QDateTime::currentDateTime());
    m_expiryNote->setText(expiry.isEmpty() ? QString()
                                           : expiry + QLatin1Char(' ') + tr("Renew it in File > Profiles…"));
    m_expiryNote->setVisible(!expiry.isEmpty());
    m_table->horizontalHeader()->setSortIndicatorShown(false);
    setWindowTitle(tr("%1 — Segment Browser").arg(profile.name));
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
    updateActions();
}

void MainWindow::closeSource()
{
    saveColumns(); // the header still shows the closing vendor's columns
    m_model->clearSource();
}

QString MainWindow::statusText() const
{
    return m_statusLabel->text();
}

QString MainWindow::placeholderText() const
{
    return m_stack->currentWidget() == m_placeholderPage ? m_placeholder->text() : QString();
}

void MainWindow::showPlaceholder(const QString &text, bool offerEdit)
{
    m_placeholder->setText(text);
    m_placeholderButton->setVisible(offerEdit);
    m_stack->setCurrentWidget(m_placeholderPage);
}

void MainWindow::onHeaderClicked(int section)
{
    QHeaderView *header = m_table->horizontalHeader();
    if (!m_model->isColumnSortable(section)) {
        header->setSortIndicatorShown(m_model->sortColumn() >= 0);
        if (m_model->sortColumn() >= 0)
            header->setSortIndicator(m_model->sortColumn(), m_model->sortOrder());
        if (m_model->vendor())
            statusBar()->showMessage(tr("%1 cannot sort on this column").arg(m_model->vendor()->displayName()), 4000);
        return;
    }
    const Qt::SortOrder order = m_model->sortColumn() == section && m_model->sortOrder() == Qt::AscendingOrder
        ? Qt::DescendingOrder
        : Qt::AscendingOrder;
    m_model->sort(section, order);
    m_filter->setQuery(m_model->query()); // the sort control shows the header's sort
    header->setSortIndicatorShown(true);
    header->setSortIndicator(section, order);
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
}

void MainWindow::onRetrying(const Error &reason, int delayMs)
{
    m_retryReason = reason.kind == Error::Kind::RateLimit
        ? tr("Rate limited by %1").arg(m_model->vendor()->displayName())
        : reason.toString();
    m_retryDelayMs = delayMs;
    m_retryClock.start();
    updateRetryNotice();
    m_retryTimer->start();
}

void MainWindow::updateRetryNotice()
{
    const qint64 left = qMax<qint64>(0, m_retryDelayMs - m_retryClock.elapsed());
    const int seconds = int((left + 999) / 1000);
    m_banner->showNotice(tr("%1; retrying in %n s", nullptr, seconds).arg(m_retryReason));
    if (left == 0)
        m_retryTimer->stop();
}

void MainWindow::onStateChanged()
{
    const bool loading = m_model->isLoading();
    m_busy->setVisible(loading);
    const Error error = m_model->error();
    if (error.isError()) {
        m_retryTimer->stop();
        m_banner->showError(error);
    } else if (!m_retryTimer->isActive() || !loading) {
        m_retryTimer->stop();
        if (m_model->vendor())
            m_banner->clear();
    }
    QString status = m_model->statusText();
    if (loading)
        status = status.isEmpty() ? tr("Loading…") : tr("%1 — loading…").arg(status);
    m_statusLabel->setText(status);

    if (!m_model->vendor()) {
        // A keychain read in progress or a missing key has its own placeholder.
        if (m_stack->currentWidget() != m_placeholderPage || m_profileCombo->count() == 0)
            showPlaceholder(tr("No profile yet.\nAdd a profile with the key of a Batch, LaunchDarkly, Amperity or "
                               "SailPoint account to browse its segments."),
                            false);
        if (m_profileCombo->count() == 0) {
            m_placeholderButton->setText(tr("&Add Profile…"));
            m_placeholderButton->show();
        }
    } else if (m_model->rowCount() == 0 && m_model->isComplete()) {
        showPlaceholder(m_model->query().filter.isEmpty() ? tr("This account has no segments.")
                                                          : tr("No segments match the filter.\nChange or clear the "
                                                               "filter to see more."),
                        false);
    } else if (m_model->rowCount() == 0 && error.isError()) {
        showPlaceholder(tr("No segments could be loaded."), false);
    } else {
        m_placeholderButton->setText(tr("&Edit Profile…"));
        m_stack->setCurrentWidget(m_table);
    }
    updateActions();
}

QList<int> MainWindow::selectedRows() const
{
    QList<int> rows;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        rows.append(sourceRow(index));
    std::sort(rows.begin(), rows.end());
    return rows;
}

QList<int> MainWindow::visibleColumns() const
{
    const QHeaderView *header = m_table->horizontalHeader();
    QList<int> columns;
    for (int visual = 0; visual < header->count(); ++visual) {
        const int logical = header->logicalIndex(visual);
        if (!header->isSectionHidden(logical))
            columns.append(logical);
    }
    return columns;
}

QString MainWindow::selectionAsText() const
{
    const QList<int> rows = selectedRows();
    if (rows.isEmpty())
        return {};
    const QList<int> columns = visibleColumns();
    QStringList lines;
    QStringList cells;
    for (int c : columns)
        cells.append(tsvCell(m_model->headerData(c, Qt::Horizontal).toString()));
    lines.append(cells.join(QLatin1Char('\t')));
    for (int r : rows) {
        cells.clear();
        for (int c : columns)
            cells.append(tsvCell(m_model->index(r, c).data().toString()));
        lines.append(cells.join(QLatin1Char('\t')));
    }
    return lines.join(QLatin1Char('\n')) + QLatin1Char('\n');
}

void MainWindow::copySelection()
{
    const QString text = selectionAsText();
    if (text.isEmpty())
        return;
    auto *mime = new QMimeData;
    mime->setText(text);
    mime->setData(QStringLiteral("text/tab-separated-values"), text.toUtf8());
    QGuiApplication::clipboard()->setMimeData(mime);
    statusBar()->showMessage(tr("Copied %n row(s)", nullptr, int(selectedRows().size())), 3000);
}

void MainWindow::copyAsCurl()
{
    if (!m_model->vendor())
        return;
    const Result<QString> command = curlCommand(*m_model->vendor(), m_model->profile(), m_model->query());
    if (!command) {
        m_banner->showError(command.error());
        return;
    }
    QGuiApplication::clipboard()->setText(command.value());
    statusBar()->showMessage(tr("Copied the request as curl; set %1 to the key before running it.")
                                 .arg(QStringLiteral("$") + kSecretVariable),
                             5000);
}

void MainWindow::showHeaderMenu(const QPoint &pos)
{
    if (!m_model->vendor())
        return;
    QHeaderView *header = m_table->horizontalHeader();
    const int clicked = header->logicalIndexAt(pos);
    QMenu menu(this);
    menu.setTitle(tr("Columns"));
    const QList<int> visible = visibleColumns();
    for (int c = 0; c < m_model->columnCount(); ++c) {
        QAction *a = menu.addAction(m_model->headerData(c, Qt::Horizontal).toString());
        a->setCheckable(true);
        a->setChecked(!header->isSectionHidden(c));
        a->setEnabled(!(visible.size() == 1 && visible.first() == c)); // keep one column
        connect(a, &QAction::toggled, this, [this, header, c](bool on) {
            header->setSectionHidden(c, !on);
            saveColumns();
        });
    }
    menu.addSeparator();
    menu.addAction(tr("&Add Field…"), this, &MainWindow::addFieldColumn);
    if (clicked >= m_model->defaultColumnCount()) {
        const QString field = m_model->headerData(clicked, Qt::Horizontal).toString();
        menu.addAction(tr("&Remove “%1”").arg(field), this, [this, field] {
            QStringList extra = m_model->extraFields();
            extra.removeAll(field);
            m_model->setExtraFields(extra);
            saveColumns();
        });
    }
    menu.addAction(tr("Reset &Columns"), this, &MainWindow::resetColumns);
    menu.exec(header->mapToGlobal(pos));
}

void MainWindow::addFieldColumn()
{
    QStringList candidates = m_model->recordFields();
    for (const Column &c : m_model->columns())
        candidates.removeAll(c.field);
    bool ok = false;
    const QString field =
        QInputDialog::getItem(this, tr("Add Field"),
                              tr("A field of the %1 record, as the API names it (\"owner.name\" for a nested one):")
                                  .arg(m_model->vendor()->displayName()),
                              candidates, 0, true, &ok)
            .trimmed();
    if (!ok || field.isEmpty())
        return;
    if (!isWellFormedFieldPath(field)) {
        QMessageBox::warning(this, tr("Add Field"), tr("“%1” is not a field name.").arg(field));
        return;
    }
    QStringList extra = m_model->extraFields();
    if (!extra.contains(field))
        extra.append(field);
    m_model->setExtraFields(extra);
    saveColumns();
}

void MainWindow::saveColumns()
{
    if (m_columnsVendor.isEmpty() || !m_model->vendor() || m_model->vendor()->id() != m_columnsVendor)
        return;
    QSettings settings;
    settings.setValue(extraFieldsKey(m_columnsVendor), m_model->extraFields());
    settings.setValue(headerKey(m_columnsVendor), m_table->horizontalHeader()->saveState());
}

void MainWindow::restoreColumns()
{
    m_columnsVendor = m_model->vendor() ? m_model->vendor()->id() : QString();
    if (m_columnsVendor.isEmpty())
        return;
    QSettings settings;
    m_model->setExtraFields(settings.value(extraFieldsKey(m_columnsVendor)).toStringList());
    QHeaderView *header = m_table->horizontalHeader();
    const QByteArray state = settings.value(headerKey(m_columnsVendor)).toByteArray();
    if (state.isEmpty() || !header->restoreState(state)) {
        for (int c = 0; c < header->count(); ++c) {
            header->setSectionHidden(c, false);
            header->moveSection(header->visualIndex(c), c);
        }
    }
    header->setSortIndicatorShown(false);
}

void MainWindow::resetColumns()
{
    if (m_columnsVendor.isEmpty())
        return;
    QSettings settings;
    settings.remove(QStringLiteral("columns/") + m_columnsVendor);
    m_model->setExtraFields({});
    QHeaderView *header = m_table->horizontalHeader();
    for (int c = 0; c < header->count(); ++c) {
        header->setSectionHidden(c, false);
        header->moveSection(header->visualIndex(c), c);
        header->resizeSection(c, header->defaultSectionSize());
    }
}

void MainWindow::openProfiles()
{
    if (!m_store || !m_secrets)
        return;
    auto *dialog = new ProfileDialog(m_store, m_secrets, this);
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setObjectName(QStringLiteral("profileDialog"));
    connect(dialog, &ProfileDialog::profileSaved, this, &MainWindow::onProfileSecretChanged);
    connect(dialog, &ProfileDialog::profileRemoved, this, &MainWindow::onProfileSecretChanged);
    connect(dialog, &QDialog::finished, this, [this, dialog] {
        // Open what the user was looking at in the editor, when it is another profile.
        const QString name = dialog->currentName();
        if (!name.isEmpty() && name != currentProfileName())
            selectProfileByName(name);
    });
    if (!m_secrets->isPersistent() && m_keychainUsable)
        dialog->setMemoryNote(tr("These profiles are for this session only: their keys are kept in memory and "
                                 "forgotten when Segment Browser closes."));
    if (m_store->profiles().isEmpty())
        dialog->startNewProfile();
    else
        dialog->selectProfile(currentProfileName());
    dialog->open();
}

void MainWindow::onProfileSecretChanged(const QString &name)
{
    // The key may have changed with the profile: read it again when it is next needed.
    m_secretCache.remove(name);
    if (name == currentProfileName())
        selectProfile(m_profileCombo->currentIndex());
}

void MainWindow::exportSegments()
{
    if (!m_model->vendor())
        return;
    const QString warning = secretExpiryWarning(*m_model->vendor(), m_model->secret(), QDateTime::currentDateTime());
    startExport(this, m_model, selectedRows(), visibleColumns(), warning);
}

void MainWindow::applyQuery(const Query &query)
{
    m_model->setQuery(query);
    // The sort control may sort on several keys; the header shows none rather than half of it.
    m_table->horizontalHeader()->setSortIndicatorShown(false);
    if (m_model->canFetchMore({}))
        m_model->fetchMore({});
}

int MainWindow::sourceRow(const QModelIndex &viewIndex) const
{
    const QModelIndex source = m_search->mapToSource(viewIndex);
    return source.isValid() ? source.row() : -1;
}

void MainWindow::focusSearch()
{
    m_searchEdit->setFocus(Qt::ShortcutFocusReason);
    m_searchEdit->selectAll();
}

QString MainWindow::searchStatus() const
{
    return m_searchStatus->text();
}

void MainWindow::updateSearchStatus()
{
    if (!m_search->isSearching()) {
        m_searchStatus->clear();
        return;
    }
    const int loaded = int(m_model->loadedCount());
    const int matches = m_search->matchCount();
    // Says "loaded" every time: the search never looks at pages that are not loaded yet.
    m_searchStatus->setText(matches == 0 ? tr("No loaded row matches (of %n)", nullptr, loaded)
                                         : tr("%1 of %n loaded rows match", nullptr, loaded).arg(matches));
}

void MainWindow::focusFilter()
{
    if (m_filter->isVisible()) {
        m_filter->focusFilter();
        return;
    }
    if (m_model->vendor())
        statusBar()->showMessage(tr("%1 does not filter on the server; use Find (Ctrl+F) over the loaded rows.")
                                     .arg(m_model->vendor()->displayName()),
                                 5000);
}

void MainWindow::showCurrentDetails()
{
    const int row = sourceRow(m_table->selectionModel()->currentIndex());
    if (row < 0 || !m_model->vendor() || row >= m_model->rowCount()) {
        m_details->clear();
        return;
    }
    m_details->setSegment(m_model->vendor(), m_model->profile(), m_model->segment(row).json);
}

void MainWindow::openDetails()
{
    QAction *toggle = action(QStringLiteral("actionToggleDetails"));
    if (!toggle->isChecked())
        toggle->setChecked(true);
    if (m_splitter->sizes().value(1) == 0)
        m_splitter->setSizes({width() * 3 / 5, width() * 2 / 5});
    showCurrentDetails();
    m_details->setFocus(Qt::OtherFocusReason);
}

void MainWindow::showAbout()
{
    QMessageBox::about(this, tr("About Segment Browser"),
                       tr("<h3>Segment Browser %1</h3><p>Browse, filter and export the segments of Batch, "
                          "LaunchDarkly, Amperity and SailPoint accounts.</p><p>Keys are kept in the system "
                          "keychain.</p>")
                           .arg(QString::fromLatin1(kVersion)));
}

void MainWindow::saveWindowState()
{
    QSettings settings;
    settings.setValue(kGeometryKey, saveGeometry());
    settings.setValue(kStateKey, saveState());
    settings.setValue(kSplitterKey, m_splitter->saveState());
    saveColumns();
}

void MainWindow::restoreWindowState()
{
    QSettings settings;
    restoreGeometry(settings.value(kGeometryKey).toByteArray());
    restoreState(settings.value(kStateKey).toByteArray());
    if (!m_splitter->restoreState(settings.value(kSplitterKey).toByteArray()))
        m_splitter->setSizes({720, 480});
    if (QAction *details = action(QStringLiteral("actionToggleDetails")))
        details->setChecked(m_splitter->sizes().value(1) > 0);
}

void MainWindow::closeEvent(QCloseEvent *event)
{
    saveWindowState();
    event->accept();
}

} // namespace sb
