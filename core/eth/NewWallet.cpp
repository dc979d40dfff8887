#include "eth/NewWallet.h"

#include "eth/HdKey.h"

namespace quill::eth {

Result<NewWallet> NewWallet::create(int words)
{
    Mnemonic mnemonic = Mnemonic::generate(words);
    auto master = HdKey::fromSeed(mnemonic.toSeed());
    if (!master)
        return master.error();
    std::string path = HdKey::ethereumPath(0);
    auto child = master->derive(path);
    if (!child)
        return child.error();
    return NewWallet{std::move(mnemonic), child->privateKey().clone(), std::move(path)};
}

} // namespace quill::eth
