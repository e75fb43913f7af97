#pragma once

namespace outward::cli {

class CliContext;

int runEnroll(CliContext &context);
int runSync(CliContext &context);
int runLink(CliContext &context);
int runRestore(CliContext &context);

} // namespace outward::cli
