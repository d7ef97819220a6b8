#pragma once

#include "core/vendorapi.h"

#include <QCoreApplication>

namespace sb {

// Batch CEP REST API, GET {root}/segments/list: cursor-paged with `from`/`next_from`,
// Bearer REST API key plus the X-Batch-Project header.
class BatchApi final : public VendorApi
{
    Q_DECLARE_TR_FUNCTIONS(sb::BatchApi)

public:
    // The profile key of the project, sent as X-Batch-Project.
    static inline const QString projectKey = QStringLiteral("project");

    QString id() const override;
    QString displayName() const override;
    QList<Column> columns() const override;
    QList<ProfileField> profileFields() const override;
    QString secretLabel() const override;
    QStringList baseUrlSuggestions() const override;

    Paging paging() const override { return Paging::Cursor; }
    // Batch's own default is 10; its maximum keeps round trips few.
    int defaultPageSize() const override { return 100; }
    int maxPageSize() const override { return 100; }

    Result<HttpRequest> pageRequest(const Profile &profile, const PageQuery &query) const override;
    void authorize(HttpRequest &request, const QString &credential) const override;
    Result<Page> parsePage(const HttpReply &reply, const PageQuery &query) const override;
    QString keyField() const override { return QStringLiteral("code"); }
    QStringList contentFields() const override;
    CommonFields commonFields() const override;
    QString nameField() const override { return QStringLiteral("display_name"); }
    // In batchdetails.cpp.
    SegmentDetails details(const Profile &profile, const QJsonObject &record) const override;
};

} // namespace sb
