#include "searchbar.h"

#include "core/vendorapi.h"
#include "model/segmentsearchproxy.h"
#include "model/segmenttablemodel.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QShortcut>

namespace sb {

SearchBar::SearchBar(QWidget *parent) : QWidget(parent), m_edit(new QLineEdit(this)), m_status(new QLabel(this))
{
    setObjectName(QStringLiteral("searchBar"));
    m_edit->setObjectName(QStringLiteral("searchEdit"));
    m_edit->setAccessibleName(tr("Find in loaded rows"));
    m_edit->setPlaceholderText(tr("Find in loaded rows (Ctrl+F)"));
    m_edit->setClearButtonEnabled(true);
    m_edit->setMaximumWidth(280);
    m_status->setObjectName(QStringLiteral("searchStatus"));
    m_status->setContentsMargins(6, 0, 6, 0);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(0);
    layout->addWidget(m_status);
    layout->addWidget(m_edit);

    setFocusProxy(m_edit);

    connect(m_edit, &QLineEdit::textChanged, this, [this](const QString &text) {
        if (m_proxy)
            m_proxy->setSearchText(text);
    });
    connect(m_edit, &QLineEdit::returnPressed, this, [this] {
        if (m_proxy && m_proxy->rowCount() > 0)
            emit enterPressed();
    });
    auto *clearSearch = new QShortcut(QKeySequence(Qt::Key_Escape), m_edit, m_edit, &QLineEdit::clear);
    clearSearch->setContext(Qt::WidgetShortcut);
}

void SearchBar::setProxy(SegmentSearchProxy *proxy)
{
    for (const QMetaObject::Connection &c : std::as_const(m_connections))
        disconnect(c);
    m_connections.clear();
    m_proxy = proxy;
    if (proxy) {
        proxy->setSearchText(m_edit->text());
        m_connections = {
            connect(proxy, &SegmentSearchProxy::searchTextChanged, this, &SearchBar::updateStatus),
            connect(proxy, &QAbstractItemModel::rowsInserted, this, &SearchBar::updateStatus),
            connect(proxy, &QAbstractItemModel::modelReset, this, &SearchBar::updateStatus),
            connect(proxy, &QAbstractItemModel::layoutChanged, this, &SearchBar::updateStatus),
        };
        if (auto *model = qobject_cast<SegmentTableModel *>(proxy->sourceModel()))
            m_connections.append(connect(model, &SegmentTableModel::usageChanged, this, &SearchBar::updateStatus));
    }
    updateStatus();
}

void SearchBar::focusSearch()
{
    m_edit->setFocus(Qt::ShortcutFocusReason);
    m_edit->selectAll();
}

void SearchBar::clear()
{
    m_edit->clear();
}

QString SearchBar::statusText() const
{
    return m_status->text();
}

void SearchBar::updateStatus()
{
    if (!m_proxy || !m_proxy->sourceModel() || (!m_proxy->isSearching() && m_proxy->unusedFilter() < 0)) {
        m_status->clear();
        return;
    }
    const int loaded = m_proxy->sourceModel()->rowCount();
    const int matches = m_proxy->matchCount();
    const QLocale locale;
    if (m_proxy->unusedFilter() >= 0 && !m_proxy->isSearching()) {
        const auto *model = qobject_cast<SegmentTableModel *>(m_proxy->sourceModel());
        if (model && model->usageState() == SegmentTableModel::UsageState::Loading)
            m_status->setText(tr("Reading the %1…").arg(model->vendor()->usage().title.toLower()));
        else if (model && model->usageState() == SegmentTableModel::UsageState::Failed)
            m_status->setText(tr("The %1 could not be read").arg(model->vendor()->usage().title.toLower()));
        else
            m_status->setText(tr("%1 unused of %2 loaded").arg(locale.toString(matches), locale.toString(loaded)));
        return;
    }
    // Says "loaded" every time: the search never looks at pages that are not loaded yet.
    if (matches == 0)
        m_status->setText(loaded == 1 ? tr("No loaded row matches (of 1)")
                                      : tr("No loaded row matches (of %1)").arg(locale.toString(loaded)));
    else
        m_status->setText(
            loaded == 1 ? tr("%1 of 1 loaded row matches").arg(matches)
                        : tr("%1 of %2 loaded rows match").arg(locale.toString(matches), locale.toString(loaded)));
}

} // namespace sb
