fn main() -> std::process::ExitCode {
    consentbook::cli::main()
}
