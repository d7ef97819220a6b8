#pragma once

#include "details.h"
#include "http.h"
#include "page.h"
#include "profile.h"
#include "result.h"
#include "segment.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <optional>

namespace sb {

enum class Paging {
    Offset, // limit/offset: pages can be fetched concurrently once the total is known
    Cursor, // an opaque cursor from the previous page: strictly one after another
};

// A non-secret key a profile of this vendor needs (project key, tenant id, ...).
struct ProfileField
{
    QString key; // the Profile::params key, in camelCase; the command line's option is it in kebab-case (--client-id)
    QString label; // translated, for the profile editor and the command line's help
    bool required = true;
    QString valueName = {}; // the value's name in the command line's help ("K", "ID"); empty: the key in capitals
};

// A field path in words, sentence case: "owner.name" "Owner name", "lastModifiedDate" "Last
// modified date", "created_at" "Created at", "id" "ID".
QString humanFieldName(QStringView field);

class VendorApi;
// Fields in the vendor's words, joined: "Name, Tags" for name and tags.
QString fieldLabels(const VendorApi &vendor, const QStringList &fields);

// The fields that mean the same thing in every vendor, for one grid and one search across all of
// them. A vendor without such a field leaves it empty (field ""), and its cell stays empty.
struct CommonFields
{
    Column description;
    Column tags; // ValueType::StringList
    Column created; // UnixMillis or Timestamp
    Column modified;
};

// One segment's common fields, read from its record.
struct SegmentSummary
{
    QString key;
    QString name;
    QString description;
    QStringList tags;
    QDateTime created; // invalid when the vendor does not say
    QDateTime modified;
};

// A key and the name people read, of a project, an environment, a flag...
struct NamedKey
{
    QString key;
    QString name;

    friend bool operator==(const NamedKey &, const NamedKey &) = default;
};

// Vendors where one secret reaches several places that each have their own segments (LaunchDarkly:
// the projects of an account and their environments). A place is a scope; scopes come in groups,
// and the profile keys groupParam and scopeParam pick one.
struct ScopeModel
{
    QString listing; // the Query::listing of the groups: one record per group (scopeGroup())
    QString childListing; // a group's scopes, paged, for a group whose record does not hold them all
    QString groupParam; // the profile key a group fills ("project"); the child listing reads it
    QString scopeParam; // the profile key a scope fills ("environment")
    QString groupTitle; // translated: "Project"
    QString scopeTitle; // translated: "Environment"
    QString groupLabel = {}; // translated, with its mnemonic, for a form or a tool bar: "Pro&ject:"
    QString scopeLabel = {}; // "E&nvironment:"
    QString listAction = {}; // the button that lists them: "&List projects"
};

// One group as discovered, with its scopes.
struct ScopeGroup
{
    NamedKey group;
    QList<NamedKey> scopes;
    bool complete = true; // false: the record held only some of its scopes; the child listing has all
};

// Vendors where other things of the account use segments (LaunchDarkly: flags whose rules match
// them), and one listing tells which: the program shows, per segment, who uses it.
struct UsageModel
{
    QString listing; // the Query::listing of the users, for the profile's scope
    QString field; // the derived column's name ("flags"): in --columns, Add Field and the CSV header
    QString title; // translated, the column's and the detail pane's heading: "Flags"
    QString unusedTitle; // translated, the filter: "Unused segments"
};

// One user of segments (a flag) as one record of the usage listing says.
struct SegmentUser
{
    QString key;
    QString name;
    QUrl url; // its page in the vendor's web app; empty when none can be formed
    QStringList segments; // the keys of the segments it uses, each once
};

struct AccessToken
{
    QString token;
    qint64 expiresInSeconds = 0;
};

// Everything the program knows about one vendor's list-segments API, as data and pure
// functions. One implementation per folder of src/vendors; nothing outside those folders
// knows any vendor's URLs, headers, field names or error bodies.
class VendorApi
{
public:
    virtual ~VendorApi() = default;

    virtual QString id() const = 0; // "batch", "launchdarkly", "amperity", "sailpoint"
    virtual QString displayName() const = 0;
    // The name in a tight place (a profile's title beside its name): "SailPoint". The default: displayName().
    virtual QString shortName() const { return displayName(); }
    virtual QList<Column> columns() const = 0; // the default columns, which are also the CSV header names
    virtual QList<ProfileField> profileFields() const = 0;
    virtual QString secretLabel() const = 0; // "REST API key", "Access token", ...
    virtual QStringList baseUrlSuggestions() const = 0; // the documented API roots; may hold "{tenant}"
    // Whether the profile's API address is on the host of one of baseUrlSuggestions() (its tenant
    // filled in): a profile taken from elsewhere that is not would send its key somewhere else.
    bool hasDocumentedHost(const Profile &profile) const;

    virtual Paging paging() const = 0;
    virtual int defaultPageSize() const = 0; // what the client asks for when the user does not say
    virtual int maxPageSize() const = 0;

    virtual bool filtersOnServer() const { return false; }
    virtual QStringList sortFields() const { return {}; } // fields the server sorts on; empty: no server sort
    // The server's sort key for a column's field ("lastModifiedDate" -> "lastModified"); empty: not sortable.
    virtual QString sortKeyForField(const QString &field) const
    {
        Q_UNUSED(field);
        return {};
    }

    // Vendors whose secret is exchanged for a short-lived access token (OAuth client credentials).
    virtual bool exchangesToken() const { return false; }
    virtual Result<HttpRequest> tokenRequest(const Profile &profile, const QString &secret) const;
    virtual Result<AccessToken> parseToken(const HttpReply &reply) const;
    // The field of the token reply's JSON object that holds the access token (for "Copy as curl").
    virtual QString tokenField() const { return {}; }

    // The request for one page, without credentials. Fails on a bad base URL or query.
    virtual Result<HttpRequest> pageRequest(const Profile &profile, const PageQuery &query) const = 0;
    // Adds the credential (the secret, or the access token for exchangesToken() vendors).
    virtual void authorize(HttpRequest &request, const QString &credential) const = 0;
    // Any reply, success or error, into a Page or an Error carrying the vendor's own message.
    virtual Result<Page> parsePage(const HttpReply &reply, const PageQuery &query) const = 0;

    // The record's page in the vendor's web app, where one can be formed.
    virtual QUrl webUrl(const Profile &profile, const QJsonObject &record) const;
    // The top-level field that holds a short, stable identifier of a record (key or id), for
    // selection, copy and matching two listings.
    virtual QString keyField() const = 0;
    QString recordKey(const QJsonObject &record) const { return record.value(keyField()).toString(); }
    // The field that holds a segment's name as people read it ("name", Batch's "display_name").
    virtual QString nameField() const { return QStringLiteral("name"); }
    QString recordName(const QJsonObject &record) const { return record.value(nameField()).toString(); }
    // A field's name as a person reads it, in sentence case, for column headers ("Name" for
    // "display_name", "Created" for "creationDate"); the field name itself stays the CSV header.
    // The default names the key, name and common fields and spells out any other path
    // (humanFieldName); a vendor adds its own words for the rest.
    virtual QString fieldLabel(const QString &field) const;
    // Where the record keeps its description, tags, and creation and modification times, beside
    // nameField(). The default: none of them.
    virtual CommonFields commonFields() const { return {}; }
    // The record's key, name and common fields.
    SegmentSummary summary(const QJsonObject &record) const;
    // The detail pane's facts and readable sections for one record. The default shows the key.
    virtual SegmentDetails details(const Profile &profile, const QJsonObject &record) const;

    // The top-level fields of a record that are the segment's content: a change in any of them is
    // a change of the segment (the store's "changed", the comparison's "different"). Links,
    // access, versions, generations and timestamps are bookkeeping, never content.
    virtual QStringList contentFields() const = 0;
    // The record reduced to its content fields (a missing field and a null one are the same).
    QJsonObject content(const QJsonObject &record) const;
    // A stable 64-bit hash of content(record): equal for records of equal content, in any process.
    qint64 contentHash(const QJsonObject &record) const;
    // The same hash of content(record) written out as compact JSON (keys in order): what
    // contentHash() hashes, for a reader that writes those bytes itself (vendors/comparedrecord.h).
    static qint64 contentHashOfBytes(const QByteArray &compactContent);
    // The content fields whose values differ between two records, in contentFields() order.
    QStringList changedContentFields(const QJsonObject &before, const QJsonObject &after) const;

    // Scope discovery: empty listing when a profile names its one place itself.
    virtual ScopeModel scopes() const { return {}; }
    bool discoversScopes() const { return !scopes().listing.isEmpty(); }
    // A record of scopes().listing: the group and the scopes it holds.
    virtual ScopeGroup scopeGroup(const QJsonObject &record) const
    {
        Q_UNUSED(record);
        return {};
    }
    // A record of scopes().childListing: one scope.
    virtual NamedKey scope(const QJsonObject &record) const
    {
        Q_UNUSED(record);
        return {};
    }
    // Which place of the account a profile's segments come from, for telling apart the snapshots
    // of one profile's scopes ("project/environment"); empty for vendors without scopes.
    QString scopeOf(const Profile &profile) const;

    // Who uses each segment: empty listing when the vendor cannot say.
    virtual UsageModel usage() const { return {}; }
    bool tracksUsage() const { return !usage().listing.isEmpty(); }
    // A record of usage().listing, read for the profile's scope.
    virtual SegmentUser segmentUser(const Profile &profile, const QJsonObject &record) const
    {
        Q_UNUSED(profile);
        Q_UNUSED(record);
        return {};
    }

    // When the secret itself says it expires (a JWT's `exp`, read without verification);
    // nullopt when it does not say or the vendor's secrets do not expire.
    virtual std::optional<QDateTime> secretExpiry(const QString &secret) const
    {
        Q_UNUSED(secret);
        return std::nullopt;
    }
};

} // namespace sb
