#pragma once

namespace outward::cli {

class CliContext;

int runInit(CliContext &context);
int runPasswd(CliContext &context);
int runRecover(CliContext &context);
int runStatus(CliContext &context);

} // namespace outward::cli
