// operations() for programs linked to libcrypto: the table, directly. The lean quill-cli
// defines operations() itself (app/cli/OpenSslModule.cpp), so the linker never takes this
// object, nor OpenSslOperations.o, from the archive there.
#include "crypto/OpenSsl.h"

namespace quill::crypto::openssl {

Result<const Operations *> operations()
{
    return quill_openssl_operations(kOperationsVersion);
}

} // namespace quill::crypto::openssl
