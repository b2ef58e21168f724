// Prints, for each line of its input, the line, a tab, and what ZITADEL stores for it
// as a preferred language: golang.org/x/text/language.Parse(line), the returned tag
// kept even when Parse also returns an error, written with Tag.String().
package main

import (
	"bufio"
	"fmt"
	"os"

	"golang.org/x/text/language"
)

func main() {
	in := bufio.NewScanner(os.Stdin)
	for in.Scan() {
		line := in.Text()
		tag, _ := func() (t language.Tag, err error) {
			defer func() {
				if recover() != nil {
					t = language.Und
				}
			}()
			return language.Parse(line)
		}()
		fmt.Printf("%s\t%s\n", line, tag.String())
	}
}
