#include "profileform.h"

#include "appearance.h"
#include "formwidgets.h"
#include "secretexpiry.h"

#include "core/http.h"
#include "core/vendorapi.h"
#include "secrets/profilestore.h"
#include "secrets/secretstore.h"
#include "vendors/registry.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <algorithm>

namespace sb {

namespace {

const QString tenantPlaceholder = QStringLiteral("{tenant}");
// The form's rows before the vendor's own fields: name, vendor, API root.
constexpr int firstFieldRow = 3;

QString filled(const QString &suggestion, const QString &tenant)
{
    return tenant.isEmpty() ? suggestion : QString(suggestion).replace(tenantPlaceholder, tenant);
}

// SailPoint's API root holds the tenant but its profile has no tenant field: the form then
// offers one, saved like the command line's --tenant, so the URL can be filled in.
bool offersTenant(const VendorApi *vendor)
{
    const QStringList suggestions = vendor->baseUrlSuggestions();
    return std::any_of(suggestions.cbegin(), suggestions.cend(),
                       [](const QString &s) { return s.contains(tenantPlaceholder); });
}

} // namespace

ProfileForm::ProfileForm(const ProfileStore *store, QWidget *parent) : QWidget(parent), m_store(store)
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_formLayout = new QFormLayout;
    layout->addLayout(m_formLayout);

    m_nameEdit = new QLineEdit(this);
    m_nameEdit->setObjectName(QStringLiteral("nameEdit"));
    m_nameEdit->setAccessibleName(tr("Profile name"));
    m_nameEdit->setMaxLength(ProfileStore::maxNameLength + 10); // over the limit still gets a clear message
    m_formLayout->addRow(tr("&Name"), m_nameEdit);

    m_vendorCombo = new QComboBox(this);
    m_vendorCombo->setObjectName(QStringLiteral("vendorCombo"));
    m_vendorCombo->setAccessibleName(tr("Vendor"));
    for (const VendorApi *v : allVendors())
        m_vendorCombo->addItem(v->displayName(), v->id());
    m_formLayout->addRow(tr("&Vendor"), m_vendorCombo);

    m_urlCombo = new QComboBox(this);
    m_urlCombo->setObjectName(QStringLiteral("baseUrlCombo"));
    m_urlCombo->setAccessibleName(tr("API root URL"));
    m_urlCombo->setEditable(true);
    m_urlCombo->setInsertPolicy(QComboBox::NoInsert);
    m_urlCombo->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_urlCombo->setMinimumContentsLength(32);
    m_formLayout->addRow(tr("API &root"), m_urlCombo);

    auto *secretRow = new QWidget(this);
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
    m_secretLabel = new QLabel(this);
    m_secretLabel->setBuddy(m_secretEdit);
    m_formLayout->addRow(m_secretLabel, secretRow);

    m_expiryLabel = plainLabel(QStringLiteral("expiryLabel"), this);
    m_expiryLabel->hide();
    m_formLayout->addRow(m_expiryLabel);

    m_messageLabel = plainLabel(QStringLiteral("messageLabel"), this);
    m_messageLabel->setAccessibleName(tr("Message"));
    m_messageLabel->hide();
    layout->addWidget(m_messageLabel);

    connect(m_nameEdit, &QLineEdit::textEdited, this, &ProfileForm::userEdited);
    connect(m_vendorCombo, &QComboBox::currentIndexChanged, this, [this] {
        if (!m_loading)
            setVendor(currentVendor());
    });
    connect(m_urlCombo, &QComboBox::activated, this, [this](int index) {
        m_urlTemplate = m_urlCombo->itemData(index).toString();
        userEdited();
    });
    connect(m_urlCombo->lineEdit(), &QLineEdit::textEdited, this, [this] {
        // Typed by hand: the tenant no longer rewrites it.
        m_urlTemplate.clear();
        userEdited();
    });
    connect(m_secretEdit, &QLineEdit::textEdited, this, [this] {
        userEdited();
        updateExpiryLabel();
    });
    connect(m_showSecret, &QCheckBox::toggled, this,
            [this](bool show) { m_secretEdit->setEchoMode(show ? QLineEdit::Normal : QLineEdit::Password); });
}

void ProfileForm::loadProfile(const Profile &profile, const QString &savedName, const QString &secretSource)
{
    m_loading = true;
    m_savedName = savedName;
    m_secretSource = secretSource;
    m_storedWarning.clear();
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

    showVendor(vendor);
    m_secretEdit->clear();
    m_showSecret->setChecked(false);
    showMessage({});
    m_loading = false;
    updateExpiryLabel();
}

void ProfileForm::setStoredWarning(const QString &warning)
{
    m_storedWarning = warning;
    updateExpiryLabel();
}

void ProfileForm::focusName(bool selectAll)
{
    m_nameEdit->setFocus();
    if (selectAll)
        m_nameEdit->selectAll();
}

void ProfileForm::setVendor(const VendorApi *vendor)
{
    QMap<QString, QString> values;
    for (const FieldEdit &f : std::as_const(m_fields))
        values.insert(f.key, f.edit->text());
    rebuildFields(vendor, values);
    m_urlTemplate = vendor->baseUrlSuggestions().value(0);
    updateUrlSuggestions();
    showVendor(vendor);
    updateExpiryLabel();
    emit vendorChanged(vendor);
    userEdited();
}

void ProfileForm::showVendor(const VendorApi *vendor)
{
    m_secretLabel->setText(vendor->secretLabel());
    m_secretEdit->setAccessibleName(vendor->secretLabel());
    updateSecretPlaceholder();
}

void ProfileForm::rebuildFields(const VendorApi *vendor, const QMap<QString, QString> &values)
{
    for (const FieldEdit &f : std::as_const(m_fields))
        m_formLayout->removeRow(f.field); // deletes the label with it
    m_fields.clear();
    if (m_discoverRow)
        m_formLayout->removeRow(m_discoverRow);
    m_discoverRow = nullptr;
    m_discoverButton = nullptr;
    m_scopeNote = nullptr;
    m_scopeChoices.clear();
    const ScopeModel scopes = vendor->scopes();

    QList<ProfileField> fields = vendor->profileFields();
    const bool hasTenant =
        std::any_of(fields.cbegin(), fields.cend(), [](const ProfileField &f) { return f.key == ParamKey::tenant; });
    if (!hasTenant && offersTenant(vendor))
        fields.append({ParamKey::tenant, tr("Tenant"), false});

    int row = firstFieldRow;
    for (const ProfileField &field : std::as_const(fields)) {
        QWidget *fieldWidget = nullptr;
        QLineEdit *edit = nullptr;
        if (!scopes.listing.isEmpty() && (field.key == scopes.groupParam || field.key == scopes.scopeParam)) {
            // A list of what the account has, once discovered; typing stays possible.
            auto *combo = new QComboBox(this);
            combo->setObjectName(QStringLiteral("fieldCombo_") + field.key);
            combo->setEditable(true);
            combo->setInsertPolicy(QComboBox::NoInsert);
            combo->setEditText(values.value(field.key));
            edit = combo->lineEdit();
            fieldWidget = combo;
            if (field.key == scopes.groupParam)
                connect(combo, &QComboBox::currentTextChanged, this, &ProfileForm::fillScopeChoices);
            connect(combo, &QComboBox::activated, this, &ProfileForm::userEdited);
        } else {
            edit = new QLineEdit(values.value(field.key), this);
            fieldWidget = edit;
        }
        edit->setObjectName(QStringLiteral("field_") + field.key);
        edit->setAccessibleName(field.label);
        if (field.required) {
            edit->setPlaceholderText(tr("Required"));
            edit->setAccessibleDescription(tr("Required"));
        } else if (field.key == ParamKey::tenant) {
            edit->setPlaceholderText(tr("Fills in {tenant} in the API root"));
        }
        auto *label = new QLabel(field.required ? tr("%1 *").arg(field.label) : field.label, this);
        label->setBuddy(fieldWidget);
        m_formLayout->insertRow(row++, label, fieldWidget);
        connect(edit, &QLineEdit::textEdited, this, &ProfileForm::userEdited);
        if (field.key == ParamKey::tenant)
            connect(edit, &QLineEdit::textChanged, this, &ProfileForm::updateUrlSuggestions);
        m_fields.append({field.key, edit, field.required, fieldWidget});
    }
    if (!scopes.listing.isEmpty()) {
        m_discoverRow = new QWidget(this);
        auto *rowLayout = new QHBoxLayout(m_discoverRow);
        rowLayout->setContentsMargins(0, 0, 0, 0);
        m_discoverButton = new QPushButton(scopes.listAction, m_discoverRow);
        m_discoverButton->setObjectName(QStringLiteral("discoverButton"));
        m_discoverButton->setAutoDefault(false);
        m_discoverButton->setToolTip(
            tr("Lists the %1s and %2s the %3 reaches")
                .arg(scopes.groupTitle.toLower(), scopes.scopeTitle.toLower(), vendor->secretLabel().toLower()));
        m_scopeNote = new QLabel(m_discoverRow);
        m_scopeNote->setObjectName(QStringLiteral("scopeNote"));
        m_scopeNote->setWordWrap(true);
        m_scopeNote->setTextInteractionFlags(Qt::TextSelectableByMouse);
        rowLayout->addWidget(m_discoverButton);
        rowLayout->addWidget(m_scopeNote, 1);
        m_formLayout->insertRow(row++, QString(), m_discoverRow);
        connect(m_discoverButton, &QPushButton::clicked, this, &ProfileForm::discoverRequested);
    }
    // Tab goes down the rows as they show: the vendor's fields, made after the secret's row, sit
    // between the API root and the secret.
    QWidget *previous = m_urlCombo;
    for (const FieldEdit &f : std::as_const(m_fields)) {
        QWidget::setTabOrder(previous, f.field);
        previous = f.field;
    }
    if (m_discoverButton) {
        QWidget::setTabOrder(previous, m_discoverButton);
        previous = m_discoverButton;
    }
    QWidget::setTabOrder(previous, m_secretEdit);
    QWidget::setTabOrder(m_secretEdit, m_showSecret);
}

void ProfileForm::setScopeChoices(const QList<ScopeGroup> &groups)
{
    const VendorApi *vendor = currentVendor();
    if (!vendor || !vendor->discoversScopes())
        return;
    const ScopeModel scopes = vendor->scopes();
    m_scopeChoices = groups;
    auto *projects = findChild<QComboBox *>(QStringLiteral("fieldCombo_") + scopes.groupParam);
    if (!projects)
        return;
    const QString typed = projects->currentText().trimmed();
    {
        QSignalBlocker block(projects);
        projects->clear();
        for (const ScopeGroup &g : groups) {
            projects->addItem(g.group.key);
            projects->setItemData(projects->count() - 1, g.group.name, Qt::ToolTipRole);
        }
        projects->setEditText(typed.isEmpty() && !groups.isEmpty() ? groups.constFirst().group.key : typed);
    }
    fillScopeChoices();
    int environments = 0;
    for (const ScopeGroup &g : groups)
        environments += int(g.scopes.size());
    setScopeNote(tr("%1 %2s, %3 %4s: choose from the lists.")
                     .arg(groups.size())
                     .arg(scopes.groupTitle.toLower())
                     .arg(environments)
                     .arg(scopes.scopeTitle.toLower()));
    if (typed.isEmpty())
        userEdited();
}

void ProfileForm::fillScopeChoices()
{
    const VendorApi *vendor = currentVendor();
    if (!vendor || !vendor->discoversScopes() || m_scopeChoices.isEmpty())
        return;
    const ScopeModel scopes = vendor->scopes();
    auto *projects = findChild<QComboBox *>(QStringLiteral("fieldCombo_") + scopes.groupParam);
    auto *environments = findChild<QComboBox *>(QStringLiteral("fieldCombo_") + scopes.scopeParam);
    if (!projects || !environments)
        return;
    const QString project = projects->currentText().trimmed();
    const QString typed = environments->currentText().trimmed();
    QSignalBlocker block(environments);
    environments->clear();
    for (const ScopeGroup &g : std::as_const(m_scopeChoices)) {
        if (g.group.key != project)
            continue;
        for (const NamedKey &e : g.scopes) {
            environments->addItem(e.key);
            environments->setItemData(environments->count() - 1, e.name, Qt::ToolTipRole);
        }
    }
    // The environment typed stays when the project has it; else the project's first.
    if (environments->findText(typed) < 0 && environments->count() > 0)
        environments->setEditText(environments->itemText(0));
    else
        environments->setEditText(typed);
}

void ProfileForm::setScopeNote(const QString &note)
{
    if (m_scopeNote)
        m_scopeNote->setText(note);
}

void ProfileForm::updateUrlSuggestions()
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

void ProfileForm::updateSecretPlaceholder()
{
    if (!isNew())
        m_secretEdit->setPlaceholderText(tr("Leave empty to keep the stored one"));
    else if (!m_secretSource.isEmpty())
        m_secretEdit->setPlaceholderText(tr("Leave empty to copy the one of “%1”").arg(m_secretSource));
    else
        m_secretEdit->setPlaceholderText(tr("Required"));
}

void ProfileForm::updateExpiryLabel()
{
    const VendorApi *vendor = currentVendor();
    const QString typed = m_secretEdit->text();
    QString warning;
    if (vendor && !typed.isEmpty())
        warning = secretExpiryWarning(*vendor, typed, QDateTime::currentDateTime());
    else if (!isNew())
        warning = m_storedWarning;
    m_expiryLabel->setText(warning);
    m_expiryLabel->setVisible(!warning.isEmpty());
}

void ProfileForm::userEdited()
{
    if (!m_loading)
        emit edited();
}

void ProfileForm::showMessage(const QString &message, QWidget *field, bool isError)
{
    m_messageLabel->setText(message);
    m_messageLabel->setVisible(!message.isEmpty());
    setTone(m_messageLabel, isError ? Tone::Error : Tone::Normal);
    if (field)
        field->setFocus();
}

QString ProfileForm::message() const
{
    return m_messageLabel->text();
}

const VendorApi *ProfileForm::currentVendor() const
{
    return vendorById(m_vendorCombo->currentData().toString());
}

QString ProfileForm::fieldValue(const QString &key) const
{
    for (const FieldEdit &f : m_fields) {
        if (f.key == key)
            return f.edit->text().trimmed();
    }
    return {};
}

QString ProfileForm::urlText() const
{
    return m_urlCombo->currentText().trimmed();
}

Profile ProfileForm::formProfile() const
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

QString ProfileForm::secret() const
{
    return m_secretEdit->text();
}

QString ProfileForm::validate(bool forSave, QWidget **badField) const
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
        if (name != m_savedName && m_store->contains(name))
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
    } else if (forSave && isNew() && m_secretSource.isEmpty()) {
        return tr("%1 is required.").arg(vendor->secretLabel());
    }
    *badField = nullptr;
    return {};
}

bool ProfileForm::checkForm(bool forSave)
{
    QWidget *badField = nullptr;
    const QString problem = validate(forSave, &badField);
    showMessage(problem, badField); // an empty problem clears the last message
    return problem.isEmpty();
}

} // namespace sb
