#pragma once

namespace outward::cli {

class CliContext;

int runAdd(CliContext &context);
int runList(CliContext &context);
int runShow(CliContext &context);
int runEdit(CliContext &context);
int runDelete(CliContext &context);
int runExport(CliContext &context);
int runImport(CliContext &context);

} // namespace outward::cli
