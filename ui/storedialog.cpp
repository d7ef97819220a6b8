#include "storedialog.h"

#include "formwidgets.h"

#include "core/error.h"
#include "store/segmentstore.h"

#include <QCheckBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPointer>
#include <QPushButton>
#include <QRadioButton>
#include <QSpinBox>
#include <QThread>
#include <QUrl>
#include <QVBoxLayout>

#include <memory>

namespace sb {

StoreDialog::StoreDialog(const StoreLocation &current, const QString &localPath, const QString &overriddenBy,
                         QWidget *parent)
    : QDialog(parent),
      m_localPath(localPath),
      m_local(new QRadioButton(tr("On this co&mputer"), this)),
      m_catalog(new QRadioButton(tr("In a &team's catalog on PostgreSQL"), this)),
      m_host(new QLineEdit(this)),
      m_port(new QSpinBox(this)),
      m_database(new QLineEdit(this)),
      m_user(new QLineEdit(this)),
      m_password(new QLineEdit(this)),
      m_verify(new QCheckBox(tr("Check the server's &certificate and name (sslmode=verify-full)"), this)),
      m_url(plainLabel(QStringLiteral("urlLabel"), this)),
      m_test(formButton(tr("Test Co&nnection"), QStringLiteral("testButton"), this)),
      m_result(plainLabel(QStringLiteral("testResult"), this)),
      m_buttons(new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this))
{
    setObjectName(QStringLiteral("storeDialog"));
    setWindowTitle(tr("Segment Store"));
    m_local->setObjectName(QStringLiteral("localRadio"));
    m_catalog->setObjectName(QStringLiteral("catalogRadio"));
    m_host->setObjectName(QStringLiteral("hostEdit"));
    m_port->setObjectName(QStringLiteral("portSpin"));
    m_database->setObjectName(QStringLiteral("databaseEdit"));
    m_user->setObjectName(QStringLiteral("userEdit"));
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_verify->setObjectName(QStringLiteral("verifyCheck"));
    m_port->setRange(1, 65535);
    m_port->setValue(5432);
    m_password->setEchoMode(QLineEdit::Password);
    m_host->setPlaceholderText(tr("catalog.example.com"));
    m_database->setPlaceholderText(tr("segments"));
    m_password->setPlaceholderText(tr("kept in the keychain, never in the settings"));
    m_buttons->button(QDialogButtonBox::Ok)->setText(tr("&Use This Store"));
    m_buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("useButton"));

    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("Where Segment Browser keeps every sync. A team's catalog is one database that a "
                                "scheduled sync fills and every colleague reads; profiles without their key on "
                                "this computer are read only."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    if (!overriddenBy.isEmpty()) {
        QLabel *note = plainLabel(QStringLiteral("overrideNote"), this);
        note->setText(tr("This window was started with %1, which comes before this setting; the store chosen "
                         "here is used now and from the next start without it.")
                          .arg(overriddenBy));
        layout->addWidget(note);
    }
    layout->addWidget(m_local);
    auto *path = plainLabel(QStringLiteral("localPath"), this);
    path->setText(QDir::toNativeSeparators(localPath));
    path->setContentsMargins(24, 0, 0, 0);
    layout->addWidget(path);
    layout->addWidget(m_catalog);
    auto *form = new QFormLayout;
    form->setContentsMargins(24, 0, 0, 0);
    auto *server = new QHBoxLayout;
    server->addWidget(m_host, 1);
    auto *portLabel = new QLabel(tr("P&ort:"), this);
    portLabel->setBuddy(m_port);
    server->addWidget(portLabel);
    server->addWidget(m_port);
    auto *serverLabel = new QLabel(tr("&Server:"), this);
    serverLabel->setBuddy(m_host);
    form->addRow(serverLabel, server);
    const auto row = [&](const QString &text, QWidget *field) {
        auto *label = new QLabel(text, this);
        label->setBuddy(field);
        form->addRow(label, field);
        m_catalogFields << label << field;
    };
    row(tr("&Database:"), m_database);
    row(tr("User n&ame:"), m_user);
    row(tr("&Password:"), m_password);
    form->addRow(m_verify);
    form->addRow(tr("URL:"), m_url);
    m_catalogFields << serverLabel << m_host << portLabel << m_port << m_verify << m_url;
    layout->addLayout(form);
    auto *testRow = new QHBoxLayout;
    testRow->addWidget(m_test);
    testRow->addWidget(m_result, 1);
    layout->addLayout(testRow);
    layout->addStretch();
    layout->addWidget(m_buttons);

    if (current.kind == StoreLocation::Kind::PostgreSql) {
        m_catalog->setChecked(true);
        m_host->setText(current.host);
        m_port->setValue(current.port);
        m_database->setText(current.database);
        m_user->setText(current.user);
        m_verify->setChecked(current.sslMode == QLatin1String("verify-full"));
    } else {
        m_local->setChecked(true);
    }
    m_wasLoopback = current.kind == StoreLocation::Kind::PostgreSql ? current.isLoopback() : true;
    for (QLineEdit *edit : {m_host, m_database, m_user})
        connect(edit, &QLineEdit::textChanged, this, &StoreDialog::updateFields);
    connect(m_port, &QSpinBox::valueChanged, this, &StoreDialog::updateFields);
    connect(m_verify, &QCheckBox::toggled, this, &StoreDialog::updateFields);
    connect(m_local, &QRadioButton::toggled, this, &StoreDialog::updateFields);
    connect(m_test, &QPushButton::clicked, this, [this] { test(false); });
    connect(m_buttons, &QDialogButtonBox::accepted, this, [this] { test(true); });
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateFields();
    resize(sizeHint().expandedTo(QSize(560, 0)));
}

StoreDialog::~StoreDialog() = default;

Result<StoreLocation> StoreDialog::location() const
{
    if (m_local->isChecked())
        return StoreLocation::parse({}, m_localPath);
    if (m_host->text().trimmed().isEmpty())
        return Error::usage(tr("Name the catalog's server"));
    if (m_database->text().trimmed().isEmpty())
        return Error::usage(tr("Name the catalog's database"));
    QUrl url;
    url.setScheme(QStringLiteral("postgresql"));
    url.setHost(m_host->text().trimmed());
    url.setPort(m_port->value());
    url.setUserName(m_user->text().trimmed());
    url.setPath(QLatin1Char('/') + m_database->text().trimmed());
    // Only this machine may be reached without checking the certificate.
    if (!m_verify->isChecked() && StoreLocation::isLoopbackHost(url.host()))
        url.setQuery(QStringLiteral("sslmode=prefer"));
    else if (m_verify->isChecked())
        url.setQuery(QStringLiteral("sslmode=verify-full"));
    return StoreLocation::parse(url.toString(), m_localPath);
}

QString StoreDialog::testResult() const
{
    return m_result->text();
}

void StoreDialog::updateFields()
{
    const bool catalog = m_catalog->isChecked();
    for (QWidget *w : std::as_const(m_catalogFields))
        w->setEnabled(catalog && !m_testing);
    // Anything but this machine is reached over TLS that checks the server.
    const QString host = m_host->text().trimmed();
    const bool loopback = host.isEmpty() || StoreLocation::isLoopbackHost(host);
    // Another machine: checked, for good. This one: as StoreLocation has it (prefer), until changed.
    if (loopback != m_wasLoopback) {
        const QSignalBlocker quiet(m_verify);
        m_verify->setChecked(!loopback);
        m_wasLoopback = loopback;
    }
    m_verify->setEnabled(catalog && loopback && !m_testing);
    m_verify->setToolTip(loopback ? tr("A server on this machine may be reached without checking its certificate")
                                  : tr("A server on another machine is always reached over TLS that checks its "
                                       "certificate and name"));
    const Result<StoreLocation> where = location();
    m_url->setText(catalog ? (where ? where.value().displayUrl() : where.error().message) : QString());
    m_test->setEnabled(where.ok() && !m_testing);
    m_buttons->button(QDialogButtonBox::Ok)->setEnabled(where.ok() && !m_testing);
    m_local->setEnabled(!m_testing);
    m_catalog->setEnabled(!m_testing);
}

void StoreDialog::test(bool thenUse)
{
    const Result<StoreLocation> where = location();
    if (!where || m_testing)
        return;
    const StoreLocation location = where.value();
    QString password = location.kind == StoreLocation::Kind::PostgreSql ? m_password->text() : QString();
    if (password.isEmpty() && location.kind == StoreLocation::Kind::PostgreSql && m_storedPassword)
        password = m_storedPassword(location);
    m_testing = true;
    m_result->setText(location.kind == StoreLocation::Kind::PostgreSql ? tr("Connecting to %1…").arg(location.host)
                                                                       : tr("Opening the file…"));
    updateFields();
    // The store is opened, and closed, on a thread of its own: a server that does not answer
    // holds neither the window nor this dialog (the connection gives up after 10 s).
    auto outcome = std::make_shared<Error>();
    QThread *thread = QThread::create([location, password, outcome] {
        SegmentStore store(location, password);
        *outcome = store.open();
    });
    connect(thread, &QThread::finished, thread, &QObject::deleteLater);
    connect(thread, &QThread::finished, this,
            [this, outcome, thenUse, location, password] { showResult(*outcome, thenUse, location, password); });
    thread->start();
}

void StoreDialog::showResult(const Error &error, bool thenUse, const StoreLocation &location, const QString &password)
{
    m_testing = false;
    updateFields();
    if (error.isError()) {
        m_result->setText(error.message);
        return;
    }
    m_result->setText(location.kind == StoreLocation::Kind::PostgreSql ? tr("Connected: the catalog is ready.")
                                                                       : tr("The file is ready."));
    if (thenUse) {
        emit chosen(location, password);
        accept();
    }
}

} // namespace sb
