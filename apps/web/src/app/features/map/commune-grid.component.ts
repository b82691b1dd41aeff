import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { RouterLink } from '@angular/router';
import type { TileView } from './map-view';

/**
 * A province's communes as a grid map: one tile per commune, coloured by band like the provinces,
 * labelled with its name and total; a tile without data is hatched grey, never a low score's colour.
 * Each tile is a link to the unit's page (Tab moves through them, Enter opens).
 */
@Component({
  selector: 'app-commune-grid',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `
    <ul class="grid" data-testid="commune-grid">
      @for (tile of tiles(); track tile.code) {
        <li class="grid__cell">
          <a
            class="tile"
            data-testid="commune-tile"
            [class.tile--no-data]="!tile.hasData"
            [attr.data-unit-code]="tile.code"
            [attr.data-fill]="tile.fill"
            [style.background-color]="tile.fill"
            [style.color]="tile.textColour"
            [routerLink]="['/don-vi', tile.code]"
            [queryParams]="{ ky: period() }"
            [attr.aria-label]="openLabel()(tile.name) + ': ' + tile.totalText + (tile.bandLabel ? ' (' + tile.bandLabel + ')' : '')"
            [title]="tile.name + ': ' + tile.totalText + (tile.bandLabel ? ' (' + tile.bandLabel + ')' : '')"
          >
            <span class="tile__name">{{ tile.name }}</span>
            <span class="tile__total" data-testid="tile-total">{{ tile.totalText }}</span>
          </a>
        </li>
      }
    </ul>
  `,
  styles: `
    .grid {
      display: grid;
      grid-template-columns: repeat(auto-fill, minmax(7.5rem, 1fr));
      gap: 4px;
      margin: 0;
      padding: 0;
      list-style: none;
    }
    .tile {
      display: flex;
      flex-direction: column;
      justify-content: space-between;
      min-height: 3.6rem;
      height: 100%;
      padding: 0.35rem 0.45rem;
      border-radius: 4px;
      border: 1px solid rgb(0 0 0 / 0.12);
      text-decoration: none;
      font-size: 0.78rem;
      line-height: 1.2;
    }
    .tile:hover,
    .tile:focus-visible {
      outline: 3px solid var(--color-text);
      outline-offset: 1px;
    }
    /* No data: grey and hatched, so it reads apart from the red of a weak score even without colour vision. */
    .tile--no-data {
      background-image: repeating-linear-gradient(135deg, rgb(255 255 255 / 0.55) 0 4px, transparent 4px 8px);
      border-style: dashed;
    }
    .tile__name {
      font-weight: 600;
      overflow-wrap: anywhere;
    }
    .tile__total {
      font-variant-numeric: tabular-nums;
    }
  `,
})
export class CommuneGridComponent {
  readonly tiles = input.required<readonly TileView[]>();
  readonly period = input.required<string>();
  readonly openLabel = input.required<(name: string) => string>();
}
