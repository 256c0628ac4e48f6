/**
 * The part of papaparse (https://www.papaparse.com) that shared/less/csvImport.ts uses. Its
 * DefinitelyTyped package pulls Node's types in (stream input), which shared/ must not see, so
 * this declares only string parsing.
 */
declare module 'papaparse' {
  export interface ParseError {
    type: string
    code: string
    message: string
    row?: number
    index?: number
  }
  export interface ParseMeta {
    delimiter: string
    linebreak: string
    aborted: boolean
    cursor: number
  }
  export interface StepResult {
    data: string[]
    errors: ParseError[]
    meta: ParseMeta
  }
  export interface Parser {
    abort(): void
  }
  export interface ParseConfig {
    delimiter?: string
    newline?: string
    quoteChar?: string
    skipEmptyLines?: boolean | 'greedy'
    step?: (results: StepResult, parser: Parser) => void
  }
  interface Papa {
    parse(input: string, config: ParseConfig): void
  }
  const papa: Papa
  export default papa
}
