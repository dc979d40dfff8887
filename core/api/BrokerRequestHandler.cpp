#include "api/BrokerRequestHandler.h"

#include <memory>

namespace quill::api {

BrokerRequestHandler::BrokerRequestHandler(requests::RequestBroker &broker, requests::ActivityLog &activity,
                                           QObject *parent)
    : QObject(parent), m_broker(broker), m_activity(activity)
{
    auto note = [this](const requests::ActivityEntry &e) {
        if (e.decision == QStringLiteral("approved") || e.decision == QStringLiteral("remembered"))
            m_approvedApps.insert(e.appId);
    };
    for (const auto &e : activity.recent(1 << 20))
        note(e);
    connect(&activity, &requests::ActivityLog::appended, this, note);
    connect(&broker, &requests::RequestBroker::reviewRequested, this, [this](quint64 brokerId) {
        for (const auto &[apiId, id] : m_brokerIds)
            if (id == brokerId) {
                Q_EMIT waitingForUser(apiId);
                return;
            }
    });
}

void BrokerRequestHandler::handle(const ApiRequest &request, Reply reply)
{
    requests::IncomingRequest in;
    in.app.appId = request.appId;
    // The name the user accepted when pairing: what the app calls itself now is a claim
    // that never renames it.
    in.app.claimedName = request.appName;
    in.app.transport = toString(request.peer.transport);
    in.app.pid = request.peer.pid;
    in.app.executable = request.peer.executable;
    in.app.origin = request.peer.origin;
    in.app.paired = true;
    in.app.firstRequest = m_approvedApps.count(request.appId) == 0;
    switch (request.kind) {
    case ApiRequestKind::SessionSigs: in.kind = requests::RequestKind::SessionSigs; break;
    case ApiRequestKind::AuthSig: in.kind = requests::RequestKind::AuthSig; break;
    case ApiRequestKind::SiweMessage: in.kind = requests::RequestKind::SiweMessage; break;
    case ApiRequestKind::ChainSecured: in.kind = requests::RequestKind::ChainSecured; break;
    }
    in.siwe = request.siwe;
    in.chainSecuredPurpose = request.chainSecuredPurpose;
    in.chainId = request.chainId;
    in.typedData = request.typedData;
    in.request = request.request;
    in.profile = request.profile;
    in.sessionPublicKey = request.sessionPublicKey;

    const quint64 apiId = request.id;
    auto shared = std::make_shared<Reply>(std::move(reply));
    auto id = m_broker.submit(std::move(in), [this, apiId, shared](Result<std::string> result) {
        m_brokerIds.erase(apiId);
        (*shared)(std::move(result));
    });
    if (!id) {
        (*shared)(id.error());
        return;
    }
    m_brokerIds[apiId] = *id;
}

void BrokerRequestHandler::cancel(quint64 requestId)
{
    auto it = m_brokerIds.find(requestId);
    if (it == m_brokerIds.end())
        return;
    const quint64 brokerId = it->second;
    m_brokerIds.erase(it);
    m_broker.cancel(brokerId);
}

} // namespace quill::api
