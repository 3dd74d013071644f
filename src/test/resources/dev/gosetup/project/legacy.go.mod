module example.com/legacy

go 1.20

require github.com/pkg/errors v0.9.1

toolchain default
