#pragma once

#include "api/RequestHandler.h"
#include "requests/RequestBroker.h"

#include <QObject>

#include <map>
#include <set>

namespace quill::api {

/// Hands API requests to the RequestBroker (and so to the user): the bridge between the
/// untrusted side and the approval side. The app's identity is built from the pairing (id,
/// approved name) and the transport's facts; the app's own claim is kept as a claim.
class BrokerRequestHandler final : public QObject, public RequestHandler
{
    Q_OBJECT
public:
    BrokerRequestHandler(requests::RequestBroker &broker, requests::ActivityLog &activity, QObject *parent = nullptr);

    void handle(const ApiRequest &request, Reply reply) override;
    void cancel(quint64 requestId) override;
    /// RequestBroker checks every answer it approves (RequestBroker::finish).
    bool answersAreCheckedJson() const override { return true; }

    /// Requests handed to the broker and not yet answered.
    std::size_t inFlight() const { return m_brokerIds.size(); }

Q_SIGNALS:
    /// The request (ApiRequest::id) now waits for the user (ApiServer::notifyWaiting).
    void waitingForUser(quint64 requestId);

private:
    requests::RequestBroker &m_broker;
    requests::ActivityLog &m_activity;
    std::map<quint64, quint64> m_brokerIds; ///< api request id → broker id
    /// Apps with an approved request (first-request warning); read from the log once, then
    /// kept current from its appended() signal — never re-read per request.
    std::set<QString> m_approvedApps;
};

} // namespace quill::api
