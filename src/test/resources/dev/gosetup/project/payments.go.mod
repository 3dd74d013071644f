module example.com/payments // go 1.99 in a comment is not a go line

// toolchain go1.99.0 is commented out
go 1.22.12 // the team minimum

toolchain go1.23.5

require (
	golang.org/x/sync v0.7.0
	golang.org/x/text v0.14.0 // indirect
)

retract (
	v1.0.0 // published by mistake
	[v1.1.0, v1.1.5]
)

tool golang.org/x/tools/cmd/stringer

exclude github.com/bad/dep v1.2.3
