#include "profiledialog.h"

#include "appearance.h"
#include "secretexpiry.h"

#include "core/http.h"
#include "core/vendorapi.h"
#include "net/pagefetcher.h"
#include "secrets/profilesecrets.h"
#include "secrets/profilestore.h"
#include "secrets/secretstore.h"
#include "vendors/registry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QMessageBox>
#include <QProgressBar>
#include <QPushButton>
#include <QSplitter>
#include <QStyle>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sb {

namespace {

const QString tenantPlaceholder = QStringLiteral("{tenant}");
constexpr int nameRole = Qt::UserRole;
// The form's rows before the vendor's own fields: name, vendor, API root.
constexpr int firstFieldRow = 3;

QString filled(const QString &suggestion, const QString &tenant)
{
    return tenant.isEmpty() ? suggestion : QString(suggestion).replace(tenantPlaceholder, tenant);
}

QString secretKeyOf(const QString &profileName)
{
    Profile p;
    p.name = profileName;
    return p.secretKey();
}

// SailPoint's API root holds the tenant but its profile has no tenant field: the form then
// offers one, saved like the command line's --tenant, so the URL can be filled in.
bool offersTenant(const VendorApi *vendor)
{
    const QStringList suggestions = vendor->baseUrlSuggestions();
    return std::any_of(suggestions.cbegin(), suggestions.cend(),
                       [](const QString &s) { return s.contains(tenantPlaceholder); });
}

QLabel *plainLabel(const QString &objectName, QWidget *parent)
{
    // Vendor messages and names are shown as typed, never as rich text.
    auto *label = new QLabel(parent);
    label->setObjectName(objectName);
    label->setTextFormat(Qt::PlainText);
    label->setWordWrap(true);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    return label;
}

// Buttons do not take Enter from the form's fields: only Save is the default.
QPushButton *formButton(const QString &text, const QString &objectName, QWidget *parent)
{
    auto *button = new QPushButton(text, parent);
    button->setObjectName(objectName);
    button->setAutoDefault(false);
    return button;
}

} // namespace

ProfileDialog::ProfileDialog(ProfileStore *store, SecretStore *secrets, QWidget *parent)
    : QDialog(parent), m_store(store), m_secrets(secrets)
{
    setObjectName(QStringLiteral("profileDialog"));
    setWindowTitle(tr("Profiles"));
    buildUi();
    connect(m_store, &ProfileStore::changed, this, &ProfileDialog::reloadList);
    reloadList();
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

    m_keychainNote = plainLabel(QStringLiteral("keychainNote"), this);
    m_keychainNote->setText(tr("No keychain is available: keys are kept in memory for this session only and "
                               "forgotten when Segment Browser closes."));
    m_keychainNote->setFrameShape(QFrame::StyledPanel);
    m_keychainNote->setMargin(6);
    m_keychainNote->setVisible(!m_secrets->isPersistent());
    layout->addWidget(m_keychainNote);

    m_storeNote = plainLabel(QStringLiteral("storeNote"), this);
    m_storeNote->setFrameShape(QFrame::StyledPanel);
    m_storeNote->setMargin(6);
    if (m_store->loadError().isError())
        m_storeNote->setText(tr("The profiles cannot be changed: %1").arg(m_store->loadError().message));
    m_storeNote->setVisible(m_store->loadError().isError() || m_store->isReadOnly());
    layout->addWidget(m_storeNote);

    auto *splitter = new QSplitter(Qt::Horizontal, this);
    layout->addWidget(splitter, 1);

    // Left: the profiles.
    auto *left = new QWidget(splitter);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    m_list = new QTreeWidget(left);
    m_list->setObjectName(QStringLiteral("profileList"));
    m_list->setAccessibleName(tr("Profiles"));
    m_list->setColumnCount(2);
    m_list->setHeaderLabels({tr("Name"), tr("Vendor")});
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    // Names are what the user picks by: they get their full width, the vendor the rest.
    m_list->header()->setSectionResizeMode(0, QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    leftLayout->addWidget(m_list, 1);
    auto *listButtons = new QHBoxLayout;
    m_addButton = formButton(tr("&Add"), QStringLiteral("addButton"), left);
    m_duplicateButton = formButton(tr("D&uplicate"), QStringLiteral("duplicateButton"), left);
    m_deleteButton = formButton(tr("&Delete…"), QStringLiteral("deleteButton"), left);
    for (QPushButton *b : {m_addButton, m_duplicateButton, m_deleteButton})
        listButtons->addWidget(b);
    listButtons->addStretch();
    leftLayout->addLayout(listButtons);

    // Right: one profile.
    m_form = new QWidget(splitter);
    auto *right = new QVBoxLayout(m_form);
    right->setContentsMargins(0, 0, 0, 0);
    m_formLayout = new QFormLayout;
    right->addLayout(m_formLayout);

    m_nameEdit = new QLineEdit(m_form);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setAccessibleName(tr("Profile name"));
    m_nameEdit->setMaxLength(ProfileStore::maxNameLength + 10); // over the limit still gets a clear message
    m_formLayout->addRow(tr("&Name"), m_nameEdit);

    m_vendorCombo = new QComboBox(m_form);
    m_vendorCombo->setObjectName(QStringLiteral("vendorCombo"));
    m_vendorCombo->setAccessibleName(tr("Vendor"));
    for (const VendorApi *v : allVendors())
        m_vendorCombo->addItem(v->displayName(), v->id());
    m_formLayout->addRow(tr("&Vendor"), m_vendorCombo);

    m_urlCombo = new QComboBox(m_form);
    m_urlCombo->setObjectName(QStringLiteral("baseUrlCombo"));
    m_urlCombo->setAccessibleName(tr("API root URL"));
    m_urlCombo->setEditable(true);
    m_urlCombo->setInsertPolicy(QComboBox::NoInsert);
    m_urlCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_urlCombo->setMinimumContentsLength(32);
    m_formLayout->addRow(tr("API &root"), m_urlCombo);

    auto *secretRow = new QWidget(m_form);
    auto *secretLayout = new QHBoxLayout(secretRow);
    secretLayout->setContentsMargins(0, 0, 0, 0);
    m_secretEdit = new QLineEdit(secretRow);
    m_secretEdit->setObjectName(QStringLiteral("secretEdit"));
    m_secretEdit->setEchoMode(QLineEdit::Password);
    m_secretEdit->setInputMethodHints(Qt::ImhHiddenText | Qt::ImhSensitiveData | Qt::ImhNoPredictiveText);
    secretLayout->addWidget(m_secretEdit, 1);
    m_showSecret = new QCheckBox(tr("Sho&w"), secretRow);
    m_showSecret->setObjectName(QStringLiteral("showSecretCheck"));
    m_showSecret->setAccessibleName(tr("Show the secret"));
    secretLayout->addWidget(m_showSecret);
    m_secretLabel = new QLabel(m_form);
    m_secretLabel->setBuddy(m_secretEdit);
    m_formLayout->addRow(m_secretLabel, secretRow);

    m_expiryLabel = plainLabel(QStringLiteral("expiryLabel"), m_form);
    m_expiryLabel->hide();
    m_formLayout->addRow(m_expiryLabel);

    m_messageLabel = plainLabel(QStringLiteral("messageLabel"), m_form);
    m_messageLabel->setAccessibleName(tr("Message"));
    m_messageLabel->hide();
    right->addWidget(m_messageLabel);

    auto *saveRow = new QHBoxLayout;
    m_saveButton = formButton(tr("&Save"), QStringLiteral("saveButton"), m_form);
    m_saveButton->setDefault(true);
    m_revertButton = formButton(tr("Re&vert"), QStringLiteral("revertButton"), m_form);
    saveRow->addWidget(m_saveButton);
    saveRow->addWidget(m_revertButton);
    saveRow->addStretch();
    right->addLayout(saveRow);

    auto *testRow = new QHBoxLayout;
    m_testButton = formButton(tr("&Test connection"), QStringLiteral("testButton"), m_form);
    m_testBusy = new QProgressBar(m_form);
    m_testBusy->setObjectName(QStringLiteral("testBusy"));
    m_testBusy->setAccessibleName(tr("Testing the connection"));
    m_testBusy->setRange(0, 0); // busy: no known progress
    m_testBusy->setMaximumWidth(120);
    m_testBusy->setTextVisible(false);
    m_testBusy->hide();
    m_cancelTestButton = formButton(tr("&Cancel"), QStringLiteral("cancelTestButton"), m_form);
    m_cancelTestButton->hide();
    testRow->addWidget(m_testButton);
    testRow->addWidget(m_testBusy);
    testRow->addWidget(m_cancelTestButton);
    testRow->addStretch();
    right->addLayout(testRow);
    m_testResult = plainLabel(QStringLiteral("testResult"), m_form);
    m_testResult->setAccessibleName(tr("Connection test result"));
    right->addWidget(m_testResult);
    right->addStretch();

    splitter->setStretchFactor(0, 2);
    splitter->setStretchFactor(1, 3);
    splitter->setSizes({340, 560});

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->button(QDialogButtonBox::Close)->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);

    connect(m_list, &QTreeWidget::currentItemChanged, this, &ProfileDialog::onSelectionChanged);
    connect(m_addButton, &QPushButton::clicked, this,
            [this] { afterConfirmingDiscard([this] { startNewProfile(); }); });
    connect(m_duplicateButton, &QPushButton::clicked, this,
            [this] { afterConfirmingDiscard([this] { duplicateProfile(); }); });
    connect(m_deleteButton, &QPushButton::clicked, this, &ProfileDialog::confirmDelete);
    connect(m_nameEdit, &QLineEdit::textEdited, this, [this] { setDirty(true); });
    connect(m_vendorCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            setVendor(currentVendor());
    });
    connect(m_urlCombo, &QComboBox::activated, this, [this](int index) {
        m_urlTemplate = m_urlCombo->itemData(index).toString();
        setDirty(true);
    });
    connect(m_urlCombo->lineEdit(), &QLineEdit::textEdited, this, [this] {
        // Typed by hand: the tenant no longer rewrites it.
        m_urlTemplate.clear();
        setDirty(true);
    });
    connect(m_secretEdit, &QLineEdit::textEdited, this, [this] {
        setDirty(true);
        updateExpiryLabel();
    });
    connect(m_showSecret, &QCheckBox::toggled, this,
            [this](bool show) { m_secretEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password); });
    connect(m_saveButton, &QPushButton::clicked, this, &ProfileDialog::save);
    connect(m_revertButton, &QPushButton::clicked, this, &ProfileDialog::revert);
    connect(m_testButton, &QPushButton::clicked, this, &ProfileDialog::testConnection);
    connect(m_cancelTestButton, &QPushButton::clicked, this, &ProfileDialog::cancelTest);

    resize(900, 520);
}

// --- the list -------------------------------------------------------------------------------

void ProfileDialog::reloadList()
{
    {
        const QSignalBlocker blocker(m_list);
        m_list->clear();
        for (const Profile &p : m_store->profiles()) {
            const VendorApi *vendor = vendorById(p.vendor);
            auto *item = new QTreeWidgetItem(m_list, {p.name, vendor ? vendor->displayName() : p.vendor});
            item->setData(0, nameRole, p.name);
            if (!m_isNew && p.name == m_current)
                m_list->setCurrentItem(item);
        }
    }
    // The marks known so far stay until the secrets are read again (a copy: setListWarning changes the hash).
    const QHash<QString, QString> known = m_warnings;
    for (auto it = known.cbegin(); it != known.cend(); ++it)
        setListWarning(it.key(), it.value());
    refreshExpiryWarnings();
    updateButtons();
}

void ProfileDialog::refreshExpiryWarnings()
{
    // Each reload asks again; answers to an older round are dropped.
    const quint64 generation = ++m_warningGeneration;
    for (const Profile &p : m_store->profiles()) {
        const VendorApi *vendor = vendorById(p.vendor);
        if (!vendor)
            continue;
        m_secrets->read(p.secretKey(), this, [this, generation, vendor, name = p.name](const SecretResult &r) {
            if (generation != m_warningGeneration)
                return;
            setListWarning(name,
                           r.ok() ? secretExpiryWarning(*vendor, r.secret, QDateTime::currentDateTime()) : QString());
        });
    }
}

void ProfileDialog::setListWarning(const QString &name, const QString &warning)
{
    if (warning.isEmpty())
        m_warnings.remove(name);
    else
        m_warnings.insert(name, warning);
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        QTreeWidgetItem *item = m_list->topLevelItem(i);
        if (item->data(0, nameRole).toString() != name)
            continue;
        item->setIcon(0, warning.isEmpty() ? QIcon() : style()->standardIcon(QStyle::SP_MessageBoxWarning));
        for (int column = 0; column < 2; ++column) {
            item->setToolTip(column, warning);
            item->setData(column, Qt::AccessibleDescriptionRole, warning);
        }
    }
    if (name == m_current && !m_isNew)
        updateExpiryLabel();
}

QString ProfileDialog::listWarning(const QString &name) const
{
    return m_warnings.value(name);
}

void ProfileDialog::onSelectionChanged()
{
    const QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    const QString name = item->data(0, nameRole).toString();
    if (name == m_current && !m_isNew)
        return;
    if (!m_dirty)
        return selectProfile(name);
    // The list shows the form's profile until the user says the edits may go.
    markCurrentInList();
    afterConfirmingDiscard([this, name] { selectProfile(name); });
}

void ProfileDialog::markCurrentInList()
{
    const QSignalBlocker blocker(m_list);
    m_list->setCurrentItem(nullptr);
    m_list->clearSelection();
    if (m_isNew)
        return;
    for (int i = 0; i < m_list->topLevelItemCount(); ++i) {
        if (m_list->topLevelItem(i)->data(0, nameRole).toString() == m_current)
            m_list->setCurrentItem(m_list->topLevelItem(i));
    }
}

void ProfileDialog::afterConfirmingDiscard(const std::function<void()> &proceed)
{
    if (!m_dirty)
        return proceed();
    auto *box =
        new QMessageBox(QMessageBox::Question, tr("Unsaved Changes"),
                        m_isNew ? tr("Discard the new profile?") : tr("Discard the changes to “%1”?").arg(m_current),
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
    const std::optional<Profile> profile = m_store->profile(name);
    if (!profile)
        return;
    cancelTest();
    m_current = name;
    m_isNew = false;
    m_secretSource.clear();
    markCurrentInList();
    loadProfile(*profile, false);
}

void ProfileDialog::setMemoryNote(const QString &text)
{
    m_keychainNote->setText(text);
}

void ProfileDialog::startNewProfile()
{
    cancelTest();
    m_current.clear();
    m_isNew = true;
    m_secretSource.clear();
    markCurrentInList();
    Profile blank;
    blank.vendor = allVendors().constFirst()->id();
    loadProfile(blank, true);
    m_nameEdit->setFocus();
}

QString ProfileDialog::copyName(const QString &name) const
{
    QString candidate = tr("%1 (copy)").arg(name);
    for (int n = 2; m_store->contains(candidate); ++n)
        candidate = tr("%1 (copy %2)").arg(name).arg(n);
    return candidate;
}

void ProfileDialog::duplicateProfile()
{
    if (m_isNew || isBusy())
        return;
    std::optional<Profile> copy = m_store->profile(m_current);
    if (!copy)
        return;
    const QString source = m_current;
    copy->name = copyName(source);
    cancelTest();
    m_current.clear();
    m_isNew = true;
    markCurrentInList();
    loadProfile(*copy, true);
    // Saved with the original's secret unless the user types another.
    m_secretSource = source;
    updateSecretPlaceholder();
    setDirty(true);
    m_nameEdit->setFocus();
    m_nameEdit->selectAll();
}

void ProfileDialog::confirmDelete()
{
    if (m_isNew || m_current.isEmpty() || isBusy())
        return;
    const QString name = m_current;
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
    cancelTest();
    m_saving = true;
    updateButtons();
    removeProfileAndSecret(*m_store, *m_secrets, name, this, [this, name](const Error &error) {
        m_saving = false;
        if (error.isError()) {
            showMessage(tr("Could not delete “%1”: %2").arg(name, error.message));
            updateButtons();
            return;
        }
        m_warnings.remove(name);
        emit profileRemoved(name);
        const QStringList names = m_store->names();
        if (names.isEmpty())
            startNewProfile();
        else
            selectProfile(names.constFirst());
        showMessage(tr("Deleted “%1”.").arg(name), nullptr, false);
    });
}

// --- the form -------------------------------------------------------------------------------

void ProfileDialog::loadProfile(const Profile &profile, bool isNew)
{
    m_loading = true;
    m_isNew = isNew;
    m_nameEdit->setText(profile.name);
    const VendorApi *vendor = vendorById(profile.vendor);
    if (!vendor)
        vendor = allVendors().constFirst();
    m_vendorCombo->setCurrentIndex(m_vendorCombo->findData(vendor->id()));
    rebuildFields(vendor, profile.params);

    const QString tenant = profile.param(ParamKey::tenant);
    QString url = profile.baseUrl.toString();
    m_urlTemplate.clear();
    if (url.isEmpty()) {
        m_urlTemplate = vendor->baseUrlSuggestions().value(0);
    } else {
        // A stored URL that a tenant suggestion produced keeps following the tenant.
        for (const QString &s : vendor->baseUrlSuggestions()) {
            if (s.contains(tenantPlaceholder) && !tenant.isEmpty() && filled(s, tenant) == url)
                m_urlTemplate = s;
        }
    }
    updateUrlSuggestions();
    if (m_urlTemplate.isEmpty())
        m_urlCombo->setEditText(url);

    m_secretLabel->setText(vendor->secretLabel());
    m_secretEdit->setAccessibleName(vendor->secretLabel());
    m_secretEdit->clear();
    m_showSecret->setChecked(false);
    updateSecretPlaceholder();
    m_testResult->clear();
    showMessage({});
    m_loading = false;
    setDirty(false);
    updateExpiryLabel();
}

void ProfileDialog::setVendor(const VendorApi *vendor)
{
    QMap<QString, QString> values;
    for (const FieldEdit &f : std::as_const(m_fields))
        values.insert(f.key, f.edit->text());
    rebuildFields(vendor, values);
    m_urlTemplate = vendor->baseUrlSuggestions().value(0);
    updateUrlSuggestions();
    m_secretLabel->setText(vendor->secretLabel());
    m_secretEdit->setAccessibleName(vendor->secretLabel());
    updateSecretPlaceholder();
    updateExpiryLabel();
    m_testResult->clear();
    setDirty(true);
}

void ProfileDialog::rebuildFields(const VendorApi *vendor, const QMap<QString, QString> &values)
{
    for (const FieldEdit &f : std::as_const(m_fields))
        m_formLayout->removeRow(f.edit); // deletes the label with it
    m_fields.clear();

    QList<ProfileField> fields = vendor->profileFields();
    const bool hasTenant =
        std::any_of(fields.cbegin(), fields.cend(), [](const ProfileField &f) { return f.key == ParamKey::tenant; });
    if (!hasTenant && offersTenant(vendor))
        fields.append({ParamKey::tenant, tr("Tenant"), false});

    int row = firstFieldRow;
    for (const ProfileField &field : std::as_const(fields)) {
        auto *edit = new QLineEdit(values.value(field.key), m_form);
        edit->setObjectName(QStringLiteral("field_") + field.key);
        edit->setAccessibleName(field.label);
        if (field.required) {
            edit->setPlaceholderText(tr("Required"));
            edit->setAccessibleDescription(tr("Required"));
        } else if (field.key == ParamKey::tenant) {
            edit->setPlaceholderText(tr("Fills in {tenant} in the API root"));
        }
        auto *label = new QLabel(field.required ? tr("%1 *").arg(field.label) : field.label, m_form);
        label->setBuddy(edit);
        m_formLayout->insertRow(row++, label, edit);
        connect(edit, &QLineEdit::textEdited, this, [this] { setDirty(true); });
        if (field.key == ParamKey::tenant)
            connect(edit, &QLineEdit::textChanged, this, &ProfileDialog::updateUrlSuggestions);
        m_fields.append({field.key, edit, field.required});
    }
}

void ProfileDialog::updateUrlSuggestions()
{
    const VendorApi *vendor = currentVendor();
    if (!vendor)
        return;
    const QString tenant = fieldValue(ParamKey::tenant);
    const QString typed = m_urlCombo->currentText();
    const QSignalBlocker blocker(m_urlCombo);
    m_urlCombo->clear();
    for (const QString &s : vendor->baseUrlSuggestions())
        m_urlCombo->addItem(filled(s, tenant), s);
    m_urlCombo->setEditText(m_urlTemplate.isEmpty() ? typed : filled(m_urlTemplate, tenant));
}

void ProfileDialog::updateSecretPlaceholder()
{
    if (!m_isNew)
        m_secretEdit->setPlaceholderText(tr("Leave empty to keep the stored one"));
    else if (!m_secretSource.isEmpty())
        m_secretEdit->setPlaceholderText(tr("Leave empty to copy the one of “%1”").arg(m_secretSource));
    else
        m_secretEdit->setPlaceholderText(tr("Required"));
}

void ProfileDialog::updateExpiryLabel()
{
    const VendorApi *vendor = currentVendor();
    const QString typed = m_secretEdit->text();
    QString warning;
    if (vendor && !typed.isEmpty())
        warning = secretExpiryWarning(*vendor, typed, QDateTime::currentDateTime());
    else if (!m_isNew)
        warning = m_warnings.value(m_current);
    m_expiryLabel->setText(warning);
    m_expiryLabel->setVisible(!warning.isEmpty());
}

void ProfileDialog::updateButtons()
{
    const bool editable = !m_saving && !m_store->isReadOnly();
    const bool stored = !m_isNew && !m_current.isEmpty();
    m_list->setEnabled(!m_saving);
    m_addButton->setEnabled(editable);
    m_duplicateButton->setEnabled(editable && stored);
    m_deleteButton->setEnabled(editable && stored);
    m_saveButton->setEnabled(editable && (m_dirty || m_isNew));
    m_revertButton->setEnabled(!m_saving && m_dirty);
    m_testButton->setEnabled(!m_testing && !m_saving);
    m_testBusy->setVisible(m_testing);
    m_cancelTestButton->setVisible(m_testing);
}

void ProfileDialog::setDirty(bool dirty)
{
    if (m_loading)
        return;
    m_dirty = dirty;
    updateButtons();
}

void ProfileDialog::showMessage(const QString &message, QWidget *field, bool isError)
{
    m_messageLabel->setText(message);
    m_messageLabel->setVisible(!message.isEmpty());
    setTone(m_messageLabel, isError ? Tone::Error : Tone::Normal);
    if (field)
        field->setFocus();
}

QString ProfileDialog::message() const
{
    return m_messageLabel->text();
}

QString ProfileDialog::testResult() const
{
    return m_testResult->text();
}

const VendorApi *ProfileDialog::currentVendor() const
{
    return vendorById(m_vendorCombo->currentData().toString());
}

QString ProfileDialog::fieldValue(const QString &key) const
{
    for (const FieldEdit &f : m_fields) {
        if (f.key == key)
            return f.edit->text().trimmed();
    }
    return {};
}

QString ProfileDialog::urlText() const
{
    return m_urlCombo->currentText().trimmed();
}

Profile ProfileDialog::formProfile() const
{
    Profile p;
    p.name = m_nameEdit->text().trimmed();
    p.vendor = m_vendorCombo->currentData().toString();
    p.baseUrl = QUrl(urlText(), QUrl::StrictMode);
    for (const FieldEdit &f : m_fields) {
        const QString value = f.edit->text().trimmed();
        if (!value.isEmpty())
            p.params.insert(f.key, value);
    }
    return p;
}

QString ProfileDialog::validate(bool forSave, QWidget **badField) const
{
    *badField = nullptr;
    const VendorApi *vendor = currentVendor();
    if (!vendor) {
        *badField = m_vendorCombo;
        return tr("Choose a vendor.");
    }
    if (forSave) {
        const QString name = m_nameEdit->text().trimmed();
        *badField = m_nameEdit;
        if (const Error e = ProfileStore::validateName(name); e.isError())
            return e.message;
        if ((m_isNew || name != m_current) && m_store->contains(name))
            return tr("A profile named “%1” exists already.").arg(name);
    }
    for (const FieldEdit &f : m_fields) {
        if (f.required && f.edit->text().trimmed().isEmpty()) {
            *badField = f.edit;
            return tr("%1 is required.").arg(f.edit->accessibleName());
        }
    }
    const QString url = urlText();
    *badField = m_urlCombo;
    if (url.isEmpty())
        return tr("Enter the API root URL, for example %1.").arg(vendor->baseUrlSuggestions().value(0));
    if (url.contains(tenantPlaceholder)) {
        for (const FieldEdit &f : m_fields) {
            if (f.key == ParamKey::tenant)
                *badField = f.edit;
        }
        return tr("Enter the tenant: the API root URL needs it in place of {tenant}.");
    }
    if (const Error e = checkTransport(QUrl(url, QUrl::StrictMode)); e.isError())
        return e.message;
    const QString secret = m_secretEdit->text();
    *badField = m_secretEdit;
    if (!secret.isEmpty()) {
        if (const Error e = SecretStore::validateSecret(secret); e.isError())
            return e.message;
    } else if (forSave && m_isNew && m_secretSource.isEmpty()) {
        return tr("%1 is required.").arg(vendor->secretLabel());
    }
    *badField = nullptr;
    return {};
}

bool ProfileDialog::checkForm(bool forSave)
{
    QWidget *badField = nullptr;
    const QString problem = validate(forSave, &badField);
    showMessage(problem, badField); // an empty problem clears the last message
    return problem.isEmpty();
}

// --- saving ---------------------------------------------------------------------------------

void ProfileDialog::save()
{
    if (isBusy())
        return;
    if (m_store->isReadOnly()) {
        showMessage(tr("The profiles cannot be changed: %1").arg(m_store->loadError().message));
        return;
    }
    if (!checkForm(true))
        return;
    cancelTest();
    m_saving = true;
    updateButtons();
    const Profile profile = formProfile();
    const QString secret = m_secretEdit->text();
    if (m_isNew)
        saveNew(profile, secret);
    else
        saveExisting(profile, secret);
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
    const QString source = m_secretSource;
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
    const QString from = m_current;
    if (from == profile.name)
        return updateAndWrite();
    renameProfileAndSecret(*m_store, *m_secrets, from, profile.name, this,
                           [this, from, to = profile.name, updateAndWrite](const Error &error) {
                               if (error.isError())
                                   return finishSave(from, error);
                               m_current = to;
                               updateAndWrite();
                           });
}

void ProfileDialog::finishSave(const QString &name, const Error &error)
{
    m_saving = false;
    if (error.isError()) {
        // The form keeps what the user typed, so nothing is lost; a rename that went through stays.
        if (!name.isEmpty() && !m_isNew)
            m_current = name;
        reloadList();
        showMessage(tr("Could not save: %1").arg(error.message));
        return;
    }
    m_isNew = false;
    m_secretSource.clear();
    selectProfile(name);
    // The list read the secrets when the profile changed, which may have been before the new one was written.
    refreshExpiryWarnings();
    showMessage(tr("Saved."), nullptr, false);
    emit profileSaved(name);
}

void ProfileDialog::revert()
{
    if (isBusy())
        return;
    if (m_isNew)
        startNewProfile();
    else
        selectProfile(m_current);
}

// --- test connection ------------------------------------------------------------------------

void ProfileDialog::testConnection()
{
    if (isBusy())
        return;
    if (!checkForm(false))
        return;
    const Profile profile = formProfile();
    const QString typed = m_secretEdit->text();
    const quint64 generation = ++m_testGeneration;
    m_testing = true;
    m_testResult->setText(tr("Connecting…"));
    updateButtons();
    if (!typed.isEmpty())
        return startTest(profile, typed);
    // The secret saved under the name the profile has in the store, not the one being typed.
    const QString stored = m_isNew ? m_secretSource : m_current;
    if (stored.isEmpty())
        return endTest(tr("Enter the %1 first.").arg(currentVendor()->secretLabel()));
    m_secrets->read(secretKeyOf(stored), this, [this, generation, profile](const SecretResult &r) {
        if (generation != m_testGeneration)
            return;
        if (r.ok())
            return startTest(profile, r.secret);
        endTest(r.status == SecretResult::Status::NotFound ? tr("No secret is stored for this profile; enter one.")
                                                           : r.error.message);
    });
}

void ProfileDialog::startTest(const Profile &profile, const QString &secret)
{
    m_fetcher = new PageFetcher(currentVendor(), profile, secret, this);
    PageFetcher::Options options;
    // A test should answer soon: one retry, shorter waits than a long export tolerates.
    options.maxTries = 2;
    options.idleTimeoutMs = 15000;
    options.totalTimeoutMs = 30000;
    options.maxRetryAfterMs = 10000;
    m_fetcher->setOptions(options);
    connect(m_fetcher, &PageFetcher::pageReady, this, [this](quint64, const Page &page) { onTestPage(page); });
    connect(m_fetcher, &PageFetcher::failed, this, [this](quint64, const Error &error) { onTestFailed(error); });
    connect(m_fetcher, &PageFetcher::retrying, this, [this](quint64, const Error &reason, int delayMs) {
        m_testResult->setText(retryNotice(reason, currentVendor()->displayName(), delayMs));
    });
    m_fetcher->fetch(Cursor {}, 0, true);
}

void ProfileDialog::onTestPage(const Page &page)
{
    // No translation catalogue ships yet, so "%n segment(s)" would show as such: spell out both forms.
    const QLocale locale;
    if (page.total == 1)
        endTest(tr("Connected: 1 segment"));
    else if (page.total >= 0)
        endTest(tr("Connected: %1 segments").arg(locale.toString(page.total)));
    else if (page.segments.size() == 1)
        endTest(tr("Connected: 1 segment on the first page"));
    else
        endTest(tr("Connected: %1 segments on the first page").arg(locale.toString(page.segments.size())));
}

void ProfileDialog::onTestFailed(const Error &error)
{
    endTest(error.kind == Error::Kind::Cancelled ? tr("Cancelled.")
                                                 : tr("Connection failed: %1").arg(error.toString()));
}

void ProfileDialog::cancelTest()
{
    if (!m_testing)
        return;
    ++m_testGeneration; // a secret read still under way is ignored when it comes
    endTest(tr("Cancelled."));
}

void ProfileDialog::endTest(const QString &result)
{
    if (m_fetcher) {
        m_fetcher->disconnect(this);
        m_fetcher->cancelAll();
        m_fetcher->deleteLater();
        m_fetcher = nullptr;
    }
    m_testing = false;
    m_testResult->setText(result);
    updateButtons();
}

} // namespace sb
