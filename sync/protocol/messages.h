#pragma once

// Every request and response body of protocol.md sections 7-15, one struct each.
#include "sync/protocol/messages_auth.h"    // health, enrolment, authentication, directory
#include "sync/protocol/messages_common.h"  // Role, Team, NewDevice, KeyringBlobs
#include "sync/protocol/messages_devices.h" // devices, linking, recovery, registration
#include "sync/protocol/messages_records.h" // push, pull
