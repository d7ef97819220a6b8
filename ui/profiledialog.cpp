#include "profiledialog.h"

#include "connectiontest.h"
#include "formwidgets.h"
#include "profileform.h"
#include "profilelist.h"

#include "core/vendorapi.h"
#include "net/accountwalk.h"
#include "secrets/profilesecrets.h"
#include "secrets/profilestore.h"
#include "secrets/secretstore.h"
#include "vendors/registry.h"

#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QVBoxLayout>

namespace sb {

namespace {

QString secretKeyOf(const QString &profileName)
{
    Profile p;
    p.name = profileName;
    return p.secretKey();
}

QLabel *noteLabel(const QString &objectName, QWidget *parent)
{
    QLabel *label = plainLabel(objectName, parent);
    label->setFrameShape(QFrame::StyledPanel);
    label->setMargin(6);
    return label;
}

} // namespace

ProfileDialog::ProfileDialog(ProfileStore *store, SecretStore *secrets, QWidget *parent)
    : QDialog(parent), m_store(store), m_secrets(secrets), m_test(new ConnectionTest(secrets, this))
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(tr("Profiles"));
    buildUi();
    const QStringList names = m_store->names();
    if (names.isEmpty())
        startNewProfile();
    else
        selectProfile(names.contains(m_store->lastUsed()) ? m_store->lastUsed() : names.constFirst());
}

ProfileDialog::~ProfileDialog() = default;

void ProfileDialog::buildUi()
{
    auto *layout = new QVBoxLayout(this);

    m_keychainNote = noteLabel(QStringLiteral("keychainNote"), this);
    m_keychainNote->setText(tr("No keychain is available: keys are kept in memory for this session only and "
                               "forgotten when Segment Browser closes."));
    m_keychainNote->setVisible(!m_secrets->isPersistent());
    layout->addWidget(m_keychainNote);

    QLabel *storeNote = noteLabel(QStringLiteral("storeNote"), this);
    if (m_store->loadError().isError())
        storeNote->setText(tr("The profiles cannot be changed: %1").arg(m_store->loadError().message));
    storeNote->setVisible(m_store->loadError().isError() || m_store->isReadOnly());
    layout->addWidget(storeNote);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter, 1);
    m_list = new ProfileList(m_store, m_secrets, splitter);
    buildEditor(splitter);
    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({340, 560});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_store, &ProfileStore::changed, this, &ProfileDialog::updateButtons);
    connect(m_list, &ProfileList::chosen, this, &ProfileDialog::onChosen);
    connect(m_list, &ProfileList::addClicked, this, [this] { afterConfirmingDiscard([this] { startNewProfile(); }); });
    connect(m_list, &ProfileList::duplicateClicked, this,
            [this] { afterConfirmingDiscard([this] { duplicateProfile(); }); });
    connect(m_list, &ProfileList::deleteClicked, this, &ProfileDialog::confirmDelete);
    connect(m_list, &ProfileList::warningChanged, this, [this](const QString &name, const QString &warning) {
        if (!m_form->isNew() && name == m_form->savedName())
            m_form->setStoredWarning(warning);
    });
    connect(m_form, &ProfileForm::edited, this, [this] { setDirty(true); });
    connect(m_form, &ProfileForm::vendorChanged, m_testResult, &QLabel::clear);
    connect(m_form, &ProfileForm::discoverRequested, this, &ProfileDialog::discoverScopes);
    connect(m_saveButton, &QPushButton::clicked, this, &ProfileDialog::save);
    connect(m_revertButton, &QPushButton::clicked, this, &ProfileDialog::revert);
    connect(m_testButton, &QPushButton::clicked, this, &ProfileDialog::testConnection);
    connect(m_cancelTestButton, &QPushButton::clicked, m_test, &ConnectionTest::cancel);
    connect(m_test, &ConnectionTest::progress, m_testResult, &QLabel::setText);
    connect(m_test, &ConnectionTest::finished, this, [this](const QString &result) {
        m_testResult->setText(result);
        updateButtons();
    });

    resize(900, 520);
}

QWidget *ProfileDialog::buildEditor(QWidget *parent)
{
    auto *editor = new QWidget(parent);
    auto *layout = new QVBoxLayout(editor);
    layout->setContentsMargins(0, 0, 0, 0);
    m_form = new ProfileForm(m_store, editor);
    layout->addWidget(m_form);

    auto *saveRow = new QHBoxLayout;
    m_saveButton = formButton(tr("&Save"), QStringLiteral("saveButton"), editor);
    m_saveButton->setDefault(true);
    m_revertButton = formButton(tr("R&evert"), QStringLiteral("revertButton"), editor);
    saveRow->addWidget(m_saveButton);
    saveRow->addWidget(m_revertButton);
    saveRow->addStretch();
    layout->addLayout(saveRow);

    auto *testRow = new QHBoxLayout;
    m_testButton = formButton(tr("&Test connection"), QStringLiteral("testButton"), editor);
    m_testBusy = new QProgressBar(editor);
    m_testBusy->setObjectName(QStringLiteral("testBusy"));
    m_testBusy->setAccessibleName(tr("Testing the connection"));
    m_testBusy->setRange(0, 0); // busy: no known progress
    m_testBusy->setMaximumWidth(120);
    m_testBusy->setTextVisible(false);
    m_testBusy->hide();
    m_cancelTestButton = formButton(tr("&Cancel"), QStringLiteral("cancelTestButton"), editor);
    m_cancelTestButton->hide();
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testBusy);
    testRow->addWidget(m_cancelTestButton);
    testRow->addStretch();
    layout->addLayout(testRow);
    m_testResult = plainLabel(QStringLiteral("testResult"), editor);
    m_testResult->setAccessibleName(tr("Connection test result"));
    layout->addWidget(m_testResult);
    layout->addStretch();
    return editor;
}

// --- choosing a profile ---------------------------------------------------------------------

void ProfileDialog::onChosen(const QString &name)
{
    if (name == m_form->savedName())
        return;
    if (!m_dirty)
        return selectProfile(name);
    // The list shows the form's profile until the user says the edits may go.
    m_list->setCurrent(m_form->savedName());
    afterConfirmingDiscard([this, name] { selectProfile(name); });
}

void ProfileDialog::showProfile(const Profile &profile, const QString &savedName, const QString &secretSource)
{
    m_test->cancel();
    m_list->setCurrent(savedName);
    ++m_discoveryGeneration; // an answer for the form before is dropped
    m_form->loadProfile(profile, savedName, secretSource);
    m_form->setStoredWarning(m_list->warning(savedName));
    m_testResult->clear();
    setDirty(false);
}

void ProfileDialog::afterConfirmingDiscard(const std::function<void()> &proceed)
{
    if (!m_dirty)
        return proceed();
    const QString current = m_form->savedName();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Unsaved Changes"),
                                current.isEmpty() ? tr("Discard the new profile?")
                                                  : tr("Discard the changes to “%1”?").arg(current),
                                QMessageBox::Discard | QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDiscard"));
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [box, proceed](QAbstractButton *button) {
        if (box->standardButton(button) == QMessageBox::Discard)
            proceed();
    });
    box->open();
}

void ProfileDialog::reject()
{
    afterConfirmingDiscard([this] { QDialog::reject(); });
}

void ProfileDialog::selectProfile(const QString &name)
{
    if (const std::optional<Profile> profile = m_store->profile(name))
        showProfile(*profile, name);
}

void ProfileDialog::setMemoryNote(const QString &text)
{
    m_keychainNote->setText(text);
}

void ProfileDialog::startNewProfile()
{
    Profile blank;
    blank.vendor = allVendors().constFirst()->id();
    showProfile(blank, {});
    m_form->focusName();
}

QString ProfileDialog::currentName() const
{
    return m_form->savedName();
}

QString ProfileDialog::message() const
{
    return m_form->message();
}

QString ProfileDialog::testResult() const
{
    return m_testResult->text();
}

QString ProfileDialog::listWarning(const QString &name) const
{
    return m_list->warning(name);
}

bool ProfileDialog::isBusy() const
{
    return m_saving || m_test->isRunning();
}

void ProfileDialog::updateButtons()
{
    const bool editable = !m_saving && !m_store->isReadOnly();
    const bool testing = m_test->isRunning();
    m_list->setEnabled(!m_saving);
    m_list->setButtonsEnabled(editable, editable && !m_form->isNew());
    m_saveButton->setEnabled(editable && (m_dirty || m_form->isNew()));
    m_revertButton->setEnabled(!m_saving && m_dirty);
    m_testButton->setEnabled(!testing && !m_saving);
    m_testBusy->setVisible(testing);
    m_cancelTestButton->setVisible(testing);
}

void ProfileDialog::setDirty(bool dirty)
{
    m_dirty = dirty;
    updateButtons();
}

// --- adding, duplicating, deleting ----------------------------------------------------------

QString ProfileDialog::copyName(const QString &name) const
{
    QString candidate = tr("%1 (copy)").arg(name);
    for (int n = 2; m_store->contains(candidate); ++n)
        candidate = tr("%1 (copy %2)").arg(name).arg(n);
    return candidate;
}

void ProfileDialog::duplicateProfile()
{
    if (m_form->isNew() || isBusy())
        return;
    const QString source = m_form->savedName();
    std::optional<Profile> copy = m_store->profile(source);
    if (!copy)
        return;
    copy->name = copyName(source);
    // Saved with the original's secret unless the user types another.
    showProfile(*copy, {}, source);
    setDirty(true);
    m_form->focusName(true);
}

void ProfileDialog::confirmDelete()
{
    if (m_form->isNew() || isBusy())
        return;
    const QString name = m_form->savedName();
    auto *box = new QMessageBox(QMessageBox::Question, tr("Delete Profile"),
                                tr("Delete the profile “%1”? Its stored secret is deleted too.").arg(name),
                                QMessageBox::Cancel, this);
    box->setObjectName(QStringLiteral("confirmDelete"));
    QPushButton *deleteButton = box->addButton(tr("Delete"), QMessageBox::DestructiveRole);
    box->setDefaultButton(QMessageBox::Cancel);
    box->setAttribute(Qt::WA_DeleteOnClose);
    connect(box, &QMessageBox::buttonClicked, this, [this, name, deleteButton](QAbstractButton *button) {
        if (button == deleteButton)
            deleteProfile(name);
    });
    box->open();
}

void ProfileDialog::deleteProfile(const QString &name)
{
    m_test->cancel();
    m_saving = true;
    updateButtons();
    removeProfileAndSecret(*m_store, *m_secrets, name, this, [this, name](const Error &error) {
        m_saving = false;
        if (error.isError()) {
            m_form->showMessage(tr("Could not delete “%1”: %2").arg(name, error.message));
            updateButtons();
            return;
        }
        emit profileRemoved(name);
        const QStringList names = m_store->names();
        if (names.isEmpty())
            startNewProfile();
        else
            selectProfile(names.constFirst());
        m_form->showMessage(tr("Deleted “%1”.").arg(name), nullptr, false);
    });
}

// --- saving ---------------------------------------------------------------------------------

void ProfileDialog::save()
{
    if (isBusy())
        return;
    if (m_store->isReadOnly()) {
        m_form->showMessage(tr("The profiles cannot be changed: %1").arg(m_store->loadError().message));
        return;
    }
    if (!m_form->checkForm(true))
        return;
    m_test->cancel();
    m_saving = true;
    updateButtons();
    if (m_form->isNew())
        saveNew(m_form->formProfile(), m_form->secret());
    else
        saveExisting(m_form->formProfile(), m_form->secret());
}

void ProfileDialog::saveNew(const Profile &profile, const QString &secret)
{
    // The secret first: a profile is never listed without the secret it needs.
    auto store = [this, profile](const QString &value) {
        m_secrets->write(profile.secretKey(), value, this, [this, profile](const SecretResult &written) {
            if (!written.ok())
                return finishSave({}, written.error);
            const Error added = m_store->add(profile);
            if (added.isError()) {
                m_secrets->remove(profile.secretKey());
                return finishSave({}, added);
            }
            finishSave(profile.name, {});
        });
    };
    if (!secret.isEmpty())
        return store(secret);
    const QString source = m_form->secretSource();
    m_secrets->read(secretKeyOf(source), this, [this, store, source](const SecretResult &read) {
        if (read.ok())
            return store(read.secret);
        finishSave({},
                   read.status == SecretResult::Status::NotFound
                       ? Error::usage(tr("“%1” has no stored secret to copy; enter one.").arg(source))
                       : read.error);
    });
}

void ProfileDialog::saveExisting(const Profile &profile, const QString &secret)
{
    auto updateAndWrite = [this, profile, secret] {
        if (const Error e = m_store->update(profile); e.isError())
            return finishSave(profile.name, e);
        if (secret.isEmpty())
            return finishSave(profile.name, {});
        m_secrets->write(profile.secretKey(), secret, this, [this, name = profile.name](const SecretResult &written) {
            finishSave(name, written.ok() ? Error() : written.error);
        });
    };
    const QString from = m_form->savedName();
    if (from == profile.name)
        return updateAndWrite();
    renameProfileAndSecret(*m_store, *m_secrets, from, profile.name, this,
                           [this, from, to = profile.name, updateAndWrite](const Error &error) {
                               if (error.isError())
                                   return finishSave(from, error);
                               m_form->setSavedName(to);
                               emit profileRenamed(from, to);
                               updateAndWrite();
                           });
}

void ProfileDialog::finishSave(const QString &name, const Error &error)
{
    m_saving = false;
    if (error.isError()) {
        // The form keeps what the user typed, so nothing is lost; a rename that went through stays.
        if (!name.isEmpty() && !m_form->isNew())
            m_form->setSavedName(name);
        m_list->setCurrent(m_form->savedName());
        m_list->reload();
        updateButtons();
        m_form->showMessage(tr("Could not save: %1").arg(error.message));
        return;
    }
    selectProfile(name);
    // The list read the secrets when the profile changed, which may have been before the new one was written.
    m_list->refreshExpiryWarnings();
    m_form->showMessage(tr("Saved."), nullptr, false);
    emit profileSaved(name);
}

void ProfileDialog::revert()
{
    if (isBusy())
        return;
    if (m_form->isNew())
        startNewProfile();
    else
        selectProfile(m_form->savedName());
}

// --- discovery -----------------------------------------------------------------------------

void ProfileDialog::discoverScopes()
{
    const Profile profile = m_form->formProfile();
    const VendorApi *vendor = vendorById(profile.vendor);
    if (!vendor || !vendor->discoversScopes())
        return;
    const quint64 generation = ++m_discoveryGeneration;
    delete m_discovery;
    m_discovery = nullptr;
    const auto run = [this, generation, profile, vendor](const QString &secret) {
        if (generation != m_discoveryGeneration)
            return;
        auto *discovery = new ScopeDiscovery(vendor, profile, secret, this);
        m_discovery = discovery;
        connect(discovery, &ScopeDiscovery::finished, this,
                [this, discovery, generation](const QList<ScopeGroup> &groups) {
                    m_discovery = nullptr;
                    discovery->deleteLater();
                    if (generation == m_discoveryGeneration)
                        m_form->setScopeChoices(groups);
                });
        connect(discovery, &ScopeDiscovery::failed, this, [this, discovery, vendor, generation](const Error &error) {
            m_discovery = nullptr;
            discovery->deleteLater();
            if (generation != m_discoveryGeneration)
                return;
            const ScopeModel scopes = vendor->scopes();
            // A token whose role may not list projects still browses the keys typed by hand.
            m_form->setScopeNote(tr("Could not list the %1s: %2 Type the %1 and %3 keys instead.")
                                     .arg(scopes.groupTitle.toLower(), error.toString(), scopes.scopeTitle.toLower()));
        });
        discovery->start();
    };
    m_form->setScopeNote(tr("Listing the %1s…").arg(vendor->scopes().groupTitle.toLower()));
    if (!m_form->secret().isEmpty())
        return run(m_form->secret());
    // Without a typed secret, the one saved under the name the profile has in the store.
    const QString stored = m_form->isNew() ? m_form->secretSource() : m_form->savedName();
    if (stored.isEmpty())
        return m_form->setScopeNote(tr("Enter the %1 first.").arg(vendor->secretLabel()));
    Profile saved;
    saved.name = stored;
    m_secrets->read(saved.secretKey(), this, [this, run, generation](const SecretResult &r) {
        if (generation != m_discoveryGeneration)
            return;
        if (r.ok())
            return run(r.secret);
        m_form->setScopeNote(r.status == SecretResult::Status::NotFound
                                 ? tr("No secret is stored for this profile; enter one.")
                                 : r.error.message);
    });
}

// --- test connection ------------------------------------------------------------------------

void ProfileDialog::testConnection()
{
    if (isBusy() || !m_form->checkForm(false))
        return;
    // Without a typed secret, the one saved under the name the profile has in the store.
    const QString stored = m_form->isNew() ? m_form->secretSource() : m_form->savedName();
    m_test->start(m_form->formProfile(), m_form->secret(), stored);
    updateButtons();
}

} // namespace sb
